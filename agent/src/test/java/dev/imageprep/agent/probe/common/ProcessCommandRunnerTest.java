package dev.imageprep.agent.probe.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs are found in PATH's absolute directories only, never through "." into a mounted image. */
class ProcessCommandRunnerTest {

  @TempDir
  Path tmp;

  @Test
  void relativePathEntriesAreNeverSearched() throws IOException {
    Path here = Files.createDirectories(tmp.resolve("bin"));
    Path rpm = Files.writeString(here.resolve("rpm"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(rpm, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(ProcessCommandRunner.onAbsolutePath("rpm", ".:bin::" + here)).contains(rpm);
    assertThat(ProcessCommandRunner.onAbsolutePath("rpm", ".:bin:")).isEmpty();
    assertThat(ProcessCommandRunner.onAbsolutePath("rpm", tmp.toString())).as("not in that directory").isEmpty();
  }
}

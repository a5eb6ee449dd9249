package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.LocalCli.Result;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImageRuns;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 point 8: {@code -o} never writes through a symlink, never leaves half a report, and a report
 * that cannot be written (a full disk, a closed stdout) is exit 3 in every format.
 */
class OutputFileTest {

  @TempDir
  Path tmp;

  UsedImageRuns image;
  Path root;
  LocalCli cli;

  @BeforeEach
  void image() throws IOException {
    image = UsedImageRuns.in(tmp);
    root = image.root();
    cli = image.cli();
  }

  private Result run(String command, String... more) {
    return image.run(command, more);
  }

  @Test
  void aSymlinkAtTheOutputPathIsRefusedBeforeTheRunAndItsTargetIsUntouched() throws IOException {
    Path target = Files.writeString(tmp.resolve("shadow"), "root:x:0:0\n");
    Path link = Files.createSymbolicLink(tmp.resolve("report.json"), target);
    Path dangling = Files.createSymbolicLink(tmp.resolve("new.json"), tmp.resolve("elsewhere/created"));
    String before = fingerprint(root);

    for (Path out : List.of(link, dangling)) {
      Result r = run("clean", "--yes", "--format", "json", "-o", out.toString());
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err()).contains("-o " + out + ": is a symbolic link; imageprep never writes through one");
    }
    assertThat(Files.readString(target)).isEqualTo("root:x:0:0\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(tmp.resolve("elsewhere")).doesNotExist();
    assertThat(fingerprint(root)).as("refused before the run").isEqualTo(before);
    Result stamp = cli.run("stamp", "--root", root.toString(), "--dry-run", "-o", link.toString());
    assertThat(stamp.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(Files.readString(target)).isEqualTo("root:x:0:0\n");
  }

  @Test
  void aReportThatCannotBeWrittenIsExitThreeInEveryFormat() {
    for (String format : List.of("text", "json", "html", "junit")) {
      Result r = run("check", "--format", format, "-o", "/dev/full");
      assertThat(r.exitCode()).as(format + ": " + r.err()).isEqualTo(ExitCode.INCOMPLETE.code());
      assertThat(r.err()).contains("could not write the report /dev/full");
    }
  }

  @Test
  void aStdoutThatCannotBeWrittenIsExitThree() {
    Writer closed = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();

    int code = cli.run(new PrintWriter(closed), new PrintWriter(err), image.args("check"));

    assertThat(code).isEqualTo(ExitCode.INCOMPLETE.code());
    assertThat(err.toString()).contains("could not write the report to standard output");
  }

  @Test
  void anExistingReportIsReplacedWholeNotWrittenThrough() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path report = Files.writeString(out.resolve("report.json"), "the previous report\n");
    Path otherName = Files.createLink(out.resolve("other-name"), report);

    Result r = run("check", "--format", "json", "-o", report.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.NOT_READY.code());
    ReportSchema.validated(Files.readString(report));
    assertThat(Files.readString(otherName)).as("a hard link to the old file keeps the old content")
        .isEqualTo("the previous report\n");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
          .containsExactlyInAnyOrder("report.json", "other-name");
    }
  }

  @Test
  void aDirectoryAtTheOutputPathIsExitTwo() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("reports"));

    Result r = run("check", "-o", dir.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("-o " + dir + ": is a directory");
  }
}

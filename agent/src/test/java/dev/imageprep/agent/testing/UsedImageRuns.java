package dev.imageprep.agent.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A used Debian-like image in a test's temporary folder, and the in-process command line aimed at it
 * with profile ec2-linux and a state directory of its own.
 */
public final class UsedImageRuns {

  private final Path root;
  private final Path state;
  private final Path workingDir;

  private UsedImageRuns(Path root, Path state, Path workingDir) {
    this.root = root;
    this.state = state;
    this.workingDir = workingDir;
  }

  public static UsedImageRuns in(Path tmp) throws IOException {
    return new UsedImageRuns(UsedImage.debianLike(Files.createDirectories(tmp.resolve("image"))),
        tmp.resolve("state"), Files.createDirectories(tmp.resolve("cwd")));
  }

  public Path root() {
    return root;
  }

  public Path state() {
    return state;
  }

  /** A command line of its own (a person's answers set on one do not reach the next). */
  public LocalCli cli() {
    return new LocalCli(state, workingDir);
  }

  /** {@code command} (words split at spaces), then the image's root, profile and state, then {@code more}. */
  public String[] args(String command, String... more) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.addAll(List.of("--root", root.toString(), "--profile", "ec2-linux", "--state-dir", state.toString()));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  public LocalCli.Result run(String command, String... more) {
    return cli().run(args(command, more));
  }
}

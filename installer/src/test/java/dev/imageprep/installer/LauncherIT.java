package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged launcher ({@code target/imageprep/bin/imageprep}) as a script or a pipeline calls it:
 * what the process really exits with and prints, where an in-process test cannot tell (the real
 * stdout, the real /dev/full, a real unprivileged user through setpriv).
 */
class LauncherIT {

  private static final Path LAUNCHER = Build.APP.resolve("bin/imageprep");

  /** What one process printed on each stream, and its exit code. */
  record Run(int exit, String out, String err) {}

  private Path dir;
  private Path image;
  private Path state;

  @BeforeEach
  void image() throws IOException {
    // a folder an unprivileged user can read and write, for the setpriv runs
    dir = Files.createTempDirectory(Path.of("/tmp"), "imageprep-launcher-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    image = dir.resolve("image");
    write("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
    write("etc/ssh/ssh_host_ed25519_key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9u"
        + "ZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACDyQ3TZ1mYgYc3V2Q8bKx1QVn4sh0Gm8tmbhLbSL4VhJg\n"
        + "-----END OPENSSH PRIVATE KEY-----\n");
    write("tmp/build.log", "building\n");
    Files.createDirectories(image.resolve("usr/bin"));
    state = dir.resolve("state");
  }

  @AfterEach
  void removeTrees() throws IOException, InterruptedException {
    Command.run(List.of("rm", "-rf", "--one-file-system", dir.toString()));
  }

  private void write(String relative, String text) throws IOException {
    Path p = image.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("imageprep-out", ".txt");
    Path err = Files.createTempFile("imageprep-err", ".txt");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
      return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Run imageprep(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  private String[] onImage(String command, String... more) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.addAll(List.of("--root", image.toString(), "--profile", "ec2-linux", "--state-dir", state.toString()));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void bareImageprepPrintsUsageOnStderrAndExitsTwo() throws Exception {
    Run r = imageprep();

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("imageprep needs a command", "Usage: imageprep", "Exit codes:");
  }

  @Test
  void aReportThatCannotBeWrittenIsExitThree() throws Exception {
    Run file = imageprep(onImage("check", "-o", "/dev/full"));
    Run stdout = run(List.of("bash", "-c", "exec \"$0\" \"$@\" > /dev/full", LAUNCHER.toString(), "check", "--root",
        image.toString(), "--profile", "ec2-linux", "--state-dir", state.toString()));

    assertThat(file.exit()).as(file.err()).isEqualTo(3);
    assertThat(file.err()).contains("could not write the report /dev/full");
    assertThat(stdout.exit()).as(stdout.err()).isEqualTo(3);
    assertThat(stdout.err()).contains("could not write the report to standard output");
  }

  @Test
  void aRootThatIsNoSystemAndAnEmptyRootAreExitTwo() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("failed-mount"));

    Run noSystem = imageprep("check", "--root", empty.toString(), "--state-dir", state.toString());
    Run blank = imageprep("check", "--root", "", "--state-dir", state.toString());

    assertThat(noSystem.exit()).isEqualTo(2);
    assertThat(noSystem.err()).contains("does not look like an operating system's root");
    assertThat(noSystem.out()).isEmpty();
    assertThat(blank.exit()).isEqualTo(2);
    assertThat(blank.err()).contains("--root is empty");
  }

  @Test
  void severalFormatsFromOneRunThenAgainFromTheJson() throws Exception {
    Path stem = dir.resolve("out/report");

    Run check = imageprep(onImage("check", "--format", "json,html,junit", "-o", stem.toString()));
    Run again = imageprep("report", "--from", stem + ".json", "--format", "text", "-q");

    assertThat(check.exit()).as(check.err()).isEqualTo(1);
    assertThat(check.out()).as("cloud-init is missing; the host key only awaits the cleanup")
        .startsWith("NOT READY — blocked by required-components; awaiting cleanup: no-secrets-left")
        .endsWith("· exit 1 · reports: " + stem + ".json, " + stem + ".html, " + stem + ".xml\n");
    assertThat(Files.readString(Path.of(stem + ".json"))).contains("\"schema\" : \"imageprep/report/v2\"",
        "\"status\" : \"resolved-by-cleanup\"");
    assertThat(Files.readString(Path.of(stem + ".html"))).contains("<h1 id='verdict'>NOT READY</h1>");
    assertThat(Files.readString(Path.of(stem + ".xml"))).contains("type=\"resolved-by-cleanup\"");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out().lines()).hasSize(1).first().asString().startsWith("NOT READY — blocked by");
  }

  @Test
  void aSymlinkAtTheOutputIsRefused() throws Exception {
    Path target = Files.writeString(dir.resolve("victim"), "keep me\n");
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), target);

    Run r = imageprep(onImage("check", "--format", "json", "-o", link.toString()));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("is a symbolic link");
    assertThat(Files.readString(target)).isEqualTo("keep me\n");
  }

  /** A real unprivileged process: setpriv drops to nobody with no capabilities and no groups. */
  @Test
  void withoutRootCheckSaysSoOnceAndChangingALiveSystemIsExitTwo() throws Exception {
    List<String> nobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all",
        LAUNCHER.toString());
    List<String> check = new ArrayList<>(nobody);
    check.addAll(List.of("check", "--profile", "linux", "--only", "root-volume-usage", "--state-dir",
        state.toString()));
    List<String> dryRun = new ArrayList<>(nobody);
    dryRun.addAll(List.of("clean", "--dry-run", "--profile", "linux", "--state-dir", state.toString()));

    Run c = run(check);
    Run d = run(dryRun);

    assertThat(c.exit()).as(c.err()).isIn(0, 1);
    assertThat(c.out().lines().filter(l -> l.startsWith("note: ")).findFirst().orElseThrow())
        .contains("imageprep check is not running as root (uid 65534)");
    assertThat(c.out().split("not running as root", -1)).hasSize(2);
    assertThat(d.exit()).as(d.out() + d.err()).isEqualTo(2);
    assertThat(d.err()).contains("clean changes system files and needs administrator rights",
        "not running as root (uid 65534)", "sudo imageprep clean");
  }
}

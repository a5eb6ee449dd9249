package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.Trees.exists;
import static dev.imageprep.agent.testing.Trees.write;
import static dev.imageprep.agent.testing.UsedImage.HOST_KEY_BODY;
import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.cleanup.RunLock;
import dev.imageprep.agent.run.Session;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.LocalCli.Result;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImageRuns;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in-process, against a small Debian-like image tree. */
class CommandsTest {

  @TempDir
  Path tmp;

  UsedImageRuns image;
  Path root;
  Path state;
  LocalCli cli;

  @BeforeEach
  void image() throws IOException {
    image = UsedImageRuns.in(tmp);
    root = image.root();
    state = image.state();
    cli = image.cli();
  }

  private String[] args(String command, String... more) {
    return image.args(command, more);
  }

  @Test
  void checkReportsKeysAsResolvedByCleanupAndNeverPrintsThem() {
    Result r = cli.run(args("check", "--format", "json"));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode report = ReportSchema.validated(r.out());
    assertThat(report.at("/host/root").asText()).isEqualTo(root.toString());
    assertThat(report.at("/verdict").asText()).as("not ready until the cleanup ran").isEqualTo("NOT READY");
    assertThat(report.at("/blockedBy")).as("but nothing blocks").isEmpty();
    assertThat(report.at("/summary/resolvedByCleanup").asInt()).isEqualTo(1);
    JsonNode secrets = findCheck(report, "no-secrets-left");
    assertThat(secrets.at("/status").asText()).isEqualTo("resolved-by-cleanup");
    assertThat(secrets.at("/resolvedBy/0").asText()).isEqualTo("ssh-host-keys");
    assertThat(secrets.at("/evidence/0/path").asText()).startsWith("/etc/ssh/ssh_host_").doesNotContain(root.toString());
    assertThat(r.out()).doesNotContain(HOST_KEY_BODY.substring(0, 24));
    assertThat(cli.run(args("check")).out()).doesNotContain(HOST_KEY_BODY.substring(0, 24))
        .contains("NOT READY — awaiting cleanup: no-secrets-left").doesNotContain("blocked by");
  }

  @Test
  void dryRunPrintsThePlanAndChangesNothing() throws IOException {
    String before = fingerprint(root);
    Result r = cli.run(args("clean", "--dry-run", "--format", "json"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode report = ReportSchema.validated(r.out());
    assertThat(report.at("/verdict").asText()).isEqualTo("PLANNED");
    assertThat(report.at("/cleanup").findValuesAsText("path")).contains("/etc/ssh/ssh_host_rsa_key", "/tmp/build.log",
        "/etc/machine-id", "/home/admin/.ssh/authorized_keys");
    assertThat(fingerprint(root)).isEqualTo(before);
  }

  @Test
  void withoutATerminalCleanRefusesUnlessTold() throws IOException {
    String before = fingerprint(root);
    Result r = cli.run(args("clean"));
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("without --yes");
    assertThat(fingerprint(root)).isEqualTo(before);
  }

  @Test
  void onATerminalAnAnswerOfNoChangesNothingAndExitsOne() throws IOException {
    String before = fingerprint(root);
    Result r = cli.interactive("n\n").run(args("clean"));
    assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_READY.code());
    assertThat(r.out()).contains("Continue? [y/N]");
    assertThat(r.err()).contains("declined: nothing was changed");
    assertThat(fingerprint(root)).isEqualTo(before);
    assertThat(cli.interactive("y\n").run(args("clean")).exitCode()).isZero();
    assertThat(exists(root, "/etc/ssh/ssh_host_rsa_key")).isFalse();
  }

  @Test
  void cleanDoesTheWholeListAndARerunFindsNothing() throws IOException {
    Result r = cli.run(args("clean", "--yes", "--format", "json"));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    JsonNode report = ReportSchema.validated(r.out());
    assertThat(report.at("/verdict").asText()).isEqualTo("DONE");
    assertThat(exists(root, "/etc/ssh/ssh_host_ed25519_key")).isFalse();
    assertThat(exists(root, "/etc/ssh/sshd_config")).isTrue();
    assertThat(Files.size(root.resolve("etc/machine-id"))).isZero();
    assertThat(root.resolve("tmp")).isEmptyDirectory();
    assertThat(root.resolve("var/lib/cloud")).isEmptyDirectory();
    assertThat(exists(root, "/home/admin/.ssh/authorized_keys")).isFalse();
    assertThat(exists(root, "/home/admin/.bash_history")).isFalse();
    assertThat(Files.isSymbolicLink(root.resolve("var/spool/mail"))).isTrue();
    assertThat(report.at("/notes/0").asText()).startsWith("journal: " + state);

    Result again = cli.run(args("clean", "--yes", "--format", "json"));
    assertThat(ReportSchema.validated(again.out()).at("/cleanup").size()).isZero();
  }

  @Test
  void prepareCleansAndVerifiesReady() throws IOException {
    Result r = cli.run(args("prepare", "--yes", "--format", "json"));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    JsonNode report = ReportSchema.validated(r.out());
    assertThat(report.at("/verdict").asText()).isEqualTo("READY");
    assertThat(findCheck(report.get("preflight"), "no-secrets-left").at("/status").asText())
        .isEqualTo("resolved-by-cleanup");
    assertThat(findCheck(report, "no-secrets-left").at("/status").asText()).isEqualTo("pass");
  }

  @Test
  void prepareDoesNotCleanWhenSomethingTheCleanupCannotFixBlocks() throws IOException {
    write(root, "/root/.aws/credentials", "[default]\naws_access_key_id = AKIAZ7QXHN3NVQ5MKT2B\n"
        + "aws_secret_access_key = 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\n");
    String before = fingerprint(root);
    Result r = cli.run(args("prepare", "--yes", "--format", "json"));
    assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode report = ReportSchema.validated(r.out());
    assertThat(report.at("/notes/0").asText()).contains("cleanup not run").contains("no-secrets-left");
    assertThat(fingerprint(root)).isEqualTo(before);
    assertThat(r.out()).doesNotContain("9xQz7Lw2Jc8Vb4Nm6Kp1").doesNotContain("AKIAZ7QXHN3NVQ5MKT2B");
  }

  @Test
  void workSpacesNeverTouchesHome() throws IOException {
    Result r = cli.run("clean", "--root", root.toString(), "--profile", "workspaces-linux", "--state-dir",
        state.toString(), "--yes", "--format", "json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(exists(root, "/home/admin/.bash_history")).isTrue();
    assertThat(exists(root, "/home/admin/.ssh/authorized_keys")).isTrue();
    assertThat(exists(root, "/root/.bash_history")).isFalse();
    assertThat(exists(root, "/etc/machine-id")).as("not on the WorkSpaces list").isTrue();
  }

  @Test
  void aSecondRunExitsFourAndNamesTheHolder() throws Exception {
    Path lock = state.resolve(Session.lockFileName(root.toRealPath(), true));
    try (RunLock held = RunLock.acquire(lock, false, 777)) {
      Result r = cli.run(args("clean", "--yes"));
      assertThat(r.exitCode()).isEqualTo(ExitCode.LOCKED.code());
      assertThat(r.err()).contains("pid 777");
      assertThat(cli.run(args("check")).exitCode()).as("a check does not run during a cleanup")
          .isEqualTo(ExitCode.LOCKED.code());
    }
  }

  @Test
  void changingALiveSystemNeedsRoot() throws IOException {
    Result r = cli.uid(1000).run("clean", "--yes", "--state-dir", state.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("run it as root");
  }

  @Test
  void badInputIsExitTwoWithAClearMessageAndChangesNothing() throws IOException {
    String before = fingerprint(root);
    Path broken = Files.writeString(tmp.resolve("site.yaml"), "rules:\n  - id: my-rule\n    title: Mine\n"
        + "    severity: error\n    type: volume-usage\n    with: {max-percent: many}\n    remediation: x\n    source: me\n");
    assertUsage(cli.run(args("clean", "--yes", "--rules", broken.toString())), broken + ":6:25");
    assertUsage(cli.run(args("clean", "--yes", "--only", "ssh-hostkeys")),
        "--only/--enable ssh-hostkeys: profile ec2-linux has no such rule or cleanup item; did you mean ssh-host-keys?");
    assertUsage(cli.run("check", "--profile", "windows-desktop", "--root", root.toString()), "unknown profile");
    assertUsage(cli.run("check", "--root", tmp.resolve("missing").toString()), "not a directory");
    assertUsage(cli.run(args("check", "--format", "yaml")), "unknown --format yaml");
    assertUsage(cli.run(args("clean", "--yes", "--frce")), "Unknown option");
    assertUsage(cli.run(args("check", "--rules", tmp.resolve("none.yaml").toString())), "no such file");
    assertThat(fingerprint(root)).isEqualTo(before);
  }

  @Test
  void catalogCommands() {
    Result profiles = cli.run("profiles");
    assertThat(profiles.exitCode()).isZero();
    assertThat(profiles.out()).contains("opsworks-linux").contains("ec2-linux");
    Result list = cli.run("rules", "list", "--profile", "workspaces-linux");
    assertThat(list.out()).contains("skylight-keys").contains("* shred").contains("apps-outside-home");
    Result show = cli.run("rules", "show", "root-volume-usage", "--profile", "ec2-linux");
    assertThat(show.out()).contains("used / (used + available)")
        .contains("Amazon WorkSpaces Administration Guide, \"Create a custom WorkSpaces image and bundle\"")
        .contains("https://docs.aws.amazon.com/workspaces/latest/adminguide/create-custom-bundle.html")
        .doesNotContain("seeds/");
    assertThat(cli.run("rules", "show", "var-cache", "--profile", "workspaces-linux").out())
        .contains("keeps:       /var/cache/debconf (on Debian and Ubuntu this is debconf's database");
    assertThat(cli.run("rules", "show", "rotated-logs", "--profile", "ec2-linux").out())
        .contains("stands for:  virt-sysprep:logfiles, virt-sysprep:pacct-log");
    assertThat(cli.run("rules", "show", "nope", "--profile", "ec2-linux").exitCode()).isEqualTo(ExitCode.USAGE.code());
    Result schema = cli.run("schema");
    assertThat(schema.out()).contains("imageprep/report/v2");
    for (String command : new String[] {"--help", "check --help", "clean --help", "prepare --help"}) {
      String help = cli.run(command.split(" ")).out();
      for (ExitCode code : ExitCode.values()) {
        assertThat(help).as(command).contains("Exit codes:").contains(code.code() + "   " + code.meaning().substring(0,
            30));
      }
    }
  }

  private static void assertUsage(Result r, String message) {
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(message).doesNotContain("\tat ");
  }

  private static JsonNode findCheck(JsonNode checks, String id) {
    JsonNode list = checks.has("checks") ? checks.get("checks") : checks;
    for (JsonNode c : list) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no check " + id);
  }
}

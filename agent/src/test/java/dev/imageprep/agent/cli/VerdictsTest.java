package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.agent.testing.BlindHost;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.ImageTree;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.LocalCli.Result;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "verdicts that cannot pass by accident", through the real command line: a root that is
 * no system, auto-detection from every sign, findings the cleanup removes, and runs without root.
 */
class VerdictsTest {

  @TempDir
  Path tmp;

  Path state;
  LocalCli cli;

  @BeforeEach
  void setUp() throws IOException {
    state = tmp.resolve("state");
    cli = new LocalCli(state, Files.createDirectories(tmp.resolve("cwd")));
  }

  private Path usedImage() throws IOException {
    return UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
  }

  private Result run(Path root, String... more) {
    String[] base = {"--root", root.toString(), "--state-dir", state.toString()};
    String[] all = new String[more.length + base.length];
    System.arraycopy(more, 0, all, 0, more.length);
    System.arraycopy(base, 0, all, more.length, base.length);
    return cli.run(all);
  }

  @Test
  void aRootThatIsNoOperatingSystemIsExitTwoBeforeAnyRuleRuns() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("failed-mount"));
    Path onlyHome = Files.createDirectories(tmp.resolve("home-only/home/admin"));
    for (Path root : List.of(empty, onlyHome.getParent().getParent())) {
      for (List<String> command : List.of(List.of("check"), List.of("prepare", "--yes"))) {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of("--format", "json"));
        Result r = run(root, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(command + " " + root + r.err()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("does not look like an operating system's root", "is the volume mounted");
        assertThat(r.out()).as("no report: no rule ran").isEmpty();
      }
    }
    assertThat(state).as("not even the lock was taken").doesNotExist();
  }

  @Test
  void anEmptyRootIsExitTwoNotTheCurrentDirectory() {
    for (String command : List.of("check", "clean --yes")) {
      List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
      args.addAll(List.of("--root", "", "--state-dir", state.toString()));
      Result r = cli.run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err()).contains("--root is empty");
    }
    Result revoke = cli.run("sudo", "revoke", "--root", "", "--yes");
    assertThat(revoke.exitCode()).as(revoke.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(revoke.err()).contains("--root is empty");
  }

  @Test
  void aRootWithEtcAndUsrButNoOsReleaseIsStillASystem() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("old/usr/bin")).getParent().getParent();
    write(root, "/etc/hostname", "centos6\n");

    Result r = run(root, "check", "--profile", "linux", "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isIn(ExitCode.OK.code(), ExitCode.NOT_READY.code());
    ReportSchema.validated(r.out());
  }

  @Test
  void autoDetectsAWorkSpaceFromEverySignTheCatalogChecksAndSaysWhich() throws IOException {
    Path root = usedImage();
    // the Skylight agent itself is gone, but its state and the PCoIP agent's logs are there
    write(root, "/var/lib/skylight/configuration-data", "{}\n");
    write(root, "/var/log/skylight/skylight-agent.log", "started\n");
    write(root, "/var/log/pcoip-agent/agent.log", "session\n");

    Result r = run(root, "check", "--format", "json");

    JsonNode report = ReportSchema.validated(r.out());
    assertThat(report.at("/host/profile").asText()).isEqualTo("workspaces-linux");
    assertThat(report.at("/host/detection/fallback").asBoolean()).isFalse();
    assertThat(report.at("/host/detection/seen").findValuesAsText("value"))
        .containsExactlyInAnyOrder("/var/lib/skylight", "/var/log/skylight", "/var/log/pcoip-agent");
    assertThat(report.at("/host/detection/seen").findValuesAsText("profile")).containsOnly("workspaces-linux");
    assertThat(report.at("/host/profileReason").asText())
        .isEqualTo("auto-detected: 3 WorkSpaces signs (/var/lib/skylight, /var/log/skylight, /var/log/pcoip-agent)");
    assertThat(run(root, "check").out()).contains("profile workspaces-linux (auto-detected: 3 WorkSpaces signs");
  }

  @Test
  void aServiceOnEc2WinsOverEc2AndBothAreReported() throws IOException {
    Path root = usedImage();
    write(root, "/var/lib/dpkg/status", "Package: amazon-ssm-agent\nStatus: install ok installed\n"
        + "Architecture: amd64\nVersion: 3.3\n\nPackage: opsworks-agent-ruby\nStatus: install ok installed\n"
        + "Architecture: amd64\nVersion: 1.0\n\n");
    write(root, "/opt/aws/opsworks/current/VERSION", "4056\n");

    JsonNode report = ReportSchema.validated(run(root, "check", "--format", "json").out());

    assertThat(report.at("/host/profile").asText()).isEqualTo("opsworks-linux");
    assertThat(report.at("/host/profileReason").asText()).startsWith("auto-detected: 2 OpsWorks signs")
        .contains("also seen: 1 EC2 sign (package amazon-ssm-agent)");
  }

  @Test
  void withRootAFallbackSaysSoInEveryFormat() throws IOException {
    Path root = usedImage();

    Result json = run(root, "check", "--format", "json");
    Result text = run(root, "check");

    JsonNode report = ReportSchema.validated(json.out());
    assertThat(report.at("/host/profile").asText()).isEqualTo("linux");
    assertThat(report.at("/host/detection/fallback").asBoolean()).isTrue();
    assertThat(report.at("/host/detection/seen")).isEmpty();
    assertThat(report.at("/notes/0").asText()).contains("shows no WorkSpaces, OpsWorks or EC2 signs",
        "generic linux profile", "pass --profile");
    assertThat(text.out()).contains("note: --profile auto: the image at " + root);
  }

  @Test
  void findingsTheCleanupRemovesHaveTheirOwnStatusInEveryFormat() throws IOException {
    Path root = usedImage();
    Path out = tmp.resolve("out");

    Result r = run(root, "check", "--profile", "ec2-linux", "--format", "json,text,html,junit", "-o",
        out.resolve("report").toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode json = ReportSchema.validated(Files.readString(out.resolve("report.json")));
    JsonNode secrets = check(json, "no-secrets-left");
    assertThat(secrets.at("/status").asText()).isEqualTo("resolved-by-cleanup");
    assertThat(secrets.at("/resolvedBy/0").asText()).isEqualTo("ssh-host-keys");
    assertThat(json.at("/blockedBy")).isEmpty();
    assertThat(json.at("/ready").asBoolean()).as("the keys are still there").isFalse();
    String text = Files.readString(out.resolve("report.txt"));
    assertThat(text).contains("CLEANUP  no-secrets-left").doesNotContain("blocked by")
        .contains("NOT READY — awaiting cleanup: no-secrets-left (imageprep prepare removes what they found)");
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<span class='badge resolved-by-cleanup'>CLEANUP</span>")
        .contains("1 check finds only what the cleanup removes. Nothing else blocks.")
        .doesNotContain("<ol class='blocking'>").doesNotContain("check blocks");
    String junit = Files.readString(out.resolve("report.xml"));
    assertThat(junit).contains("type=\"resolved-by-cleanup\"");
    assertThat(r.out()).startsWith("NOT READY — awaiting cleanup: no-secrets-left");
  }

  @Test
  void onlyNarrowsWhatRunsNotWhatTheCleanupResolves() throws IOException {
    Path root = usedImage();

    JsonNode only = ReportSchema.validated(run(root, "check", "--profile", "ec2-linux", "--only", "no-secrets-left",
        "--format", "json").out());
    JsonNode skipped = ReportSchema.validated(run(root, "check", "--profile", "ec2-linux", "--only",
        "no-secrets-left", "--skip", "ssh-host-keys", "--format", "json").out());

    assertThat(only.at("/cleanup")).as("--only picked no cleanup item to show").isEmpty();
    assertThat(check(only, "no-secrets-left").at("/status").asText()).isEqualTo("resolved-by-cleanup");
    assertThat(check(only, "no-secrets-left").at("/resolvedBy/0").asText()).isEqualTo("ssh-host-keys");
    assertThat(check(skipped, "no-secrets-left").at("/status").asText()).as("--skip takes the keys' cleanup away")
        .isEqualTo("fail");
    assertThat(skipped.at("/blockedBy/0").asText()).isEqualTo("no-secrets-left");
  }

  @Test
  void theVerdictLineNamesWhatReallyBlocksApartFromWhatAwaitsTheCleanup() throws IOException {
    Path root = usedImage();
    CliHarness harness = new CliHarness(root.getFileSystem(), state).customize(c -> new CommandContext(c.env(),
        BlindHost.blindVolumes(c.opener()), c.types(), c.writers(), c.interruptions(), c.tool()));

    CliHarness.Result r = harness.run("check", "--root", root.toString(), "--profile", "ec2-linux", "--state-dir",
        state.toString());

    assertThat(r.out()).contains("NOT READY — blocked by root-volume-usage; awaiting cleanup: no-secrets-left");
  }

  @Test
  void withoutRootACheckSaysSoOnceAboveItsResults() throws IOException {
    FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    ImageTree.at(fs.getPath("/")).debian();
    CliHarness user = new CliHarness(fs, fs.getPath("/var/tmp/state")).uid(1000);

    CliHarness.Result text = user.run("check", "--profile", "linux", "--state-dir", "/var/tmp/state");
    CliHarness.Result json = user.run("check", "--profile", "linux", "--state-dir", "/var/tmp/state", "--format",
        "json");

    String first = text.out().lines().filter(l -> l.startsWith("note: ")).findFirst().orElseThrow();
    assertThat(first).contains("not running as root (uid 1000)", "reported unknown below", "sudo imageprep check");
    assertThat(text.out().indexOf(first)).isLessThan(text.out().indexOf("Checks"));
    assertThat(text.out().split("not running as root", -1)).as("said once").hasSize(2);
    assertThat(ReportSchema.validated(json.out()).at("/notes/0").asText()).contains("not running as root");
    assertThat(new CliHarness(fs, fs.getPath("/var/tmp/state")).run("check", "--profile", "linux", "--state-dir",
        "/var/tmp/state").out()).as("as root").doesNotContain("not running as root");
  }

  @Test
  void withoutRootCommandsThatChangeALiveSystemAreExitTwoEvenToPlan() throws IOException {
    FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    ImageTree.at(fs.getPath("/")).debian();
    CliHarness user = new CliHarness(fs, fs.getPath("/var/tmp/state")).uid(1000);

    for (String[] args : List.of(new String[] {"clean", "--dry-run"}, new String[] {"prepare", "--dry-run"},
        new String[] {"clean", "--yes"}, new String[] {"prepare", "--yes"})) {
      CliHarness.Result r = user.run(args[0], args[1], "--profile", "linux", "--state-dir", "/var/tmp/state");
      assertThat(r.exitCode()).as(String.join(" ", args) + r.err()).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err()).contains(args[0] + " changes system files and needs administrator rights",
          "not running as root (uid 1000)", "sudo imageprep " + args[0]);
      assertThat(r.out()).isEmpty();
    }
    assertThat(Files.readString(fs.getPath("/tmp/build.log"), StandardCharsets.UTF_8)).isNotEmpty();
  }

  private static JsonNode check(JsonNode report, String id) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no check " + id);
  }
}

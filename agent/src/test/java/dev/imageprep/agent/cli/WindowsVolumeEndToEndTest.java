package dev.imageprep.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.Main;
import dev.imageprep.agent.json.ReportJson;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.windows.WindowsHost;
import dev.imageprep.agent.probe.windows.WindowsVolumeFixture;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.run.HostOpener;
import dev.imageprep.agent.run.Interruptions;
import dev.imageprep.agent.testing.ProducedReports;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.VolumeProbe;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.rules.model.ToolInfo;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imageprep check --root DIR} on a real directory tree laid out like a mounted Windows system
 * volume: hives written from the .reg fixtures, an 11 GB profile made of sparse files (cheap, and
 * counted at their logical size, as the WorkSpaces guide's "files and data" says), EC2Launch's
 * configuration.
 */
class WindowsVolumeEndToEndTest {

  static final long GB = WindowsVolumeFixture.GB;
  static final String SECRET = WindowsVolumeFixture.PASSWORD;

  @TempDir
  Path tmp;
  Path volume;
  Path state;

  @BeforeEach
  void layOutVolume() throws Exception {
    volume = Files.createDirectories(tmp.resolve("mnt/windows"));
    state = tmp.resolve("state");
    WindowsVolumeFixture.layOut(volume);
  }

  AgentEnvironment env() {
    return new AgentEnvironment(FileSystems.getDefault(), Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"),
        ZoneOffset.UTC), Map.of(), false, new BufferedReader(new StringReader("")), OptionalInt.of(0), state, tmp,
        4242L, (command, timeout) -> Optional.empty());
  }

  record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return ReportJson.mapper().readTree(out);
    }

    JsonNode check(String id) throws Exception {
      for (JsonNode c : json().get("checks")) {
        if (c.get("id").asText().equals(id)) {
          return c;
        }
      }
      throw new AssertionError("no check " + id + " in " + out);
    }
  }

  Run run(HostOpener opener, String... args) {
    AgentEnvironment env = env();
    CommandContext ctx = new CommandContext(env, opener == null ? HostOpener.standard(env) : opener,
        CheckTypes.builtIn(), ReportWriters.standard(), Interruptions::none, new ToolInfo("imageprep", "test"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(ctx, new PrintWriter(out), new PrintWriter(err), args);
    ProducedReports.validate(env.fileSystem(), args, out.toString());
    return new Run(code, out.toString(), err.toString());
  }

  Run check(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("check", "--root", volume.toString(), "--profile",
        "workspaces-windows", "--format", "json", "--state-dir", state.toString()));
    args.addAll(List.of(extra));
    return run(null, args.toArray(String[]::new));
  }

  @Test
  void elevenGigabytesOfDocumentsFailProfileSizeAndPassFromDownloads() throws Exception {
    WindowsVolumeFixture.sparse(volume.resolve("Users/Default/Documents/archive-2019.pst"), 6 * GB);
    WindowsVolumeFixture.sparse(volume.resolve("Users/Default/Documents/videos/keynote.mp4"), 5 * GB);
    Run before = check("--only", "profile-size");
    assertThat(before.exit()).as(before.err()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode fail = before.check("profile-size");
    assertThat(fail.get("status").asText()).isEqualTo("fail");
    assertThat(fail.get("data").get("profiles").get(0).get("bytes").asLong()).isEqualTo(11 * GB);
    assertThat(before.json().get("host").get("platform").asText()).isEqualTo("windows");

    Files.move(volume.resolve("Users/Default/Documents/archive-2019.pst"),
        volume.resolve("Users/Default/Downloads/archive-2019.pst"));
    Files.move(volume.resolve("Users/Default/Documents/videos"), volume.resolve("Users/Default/Downloads/videos"));
    Run after = check("--only", "profile-size");
    JsonNode pass = after.check("profile-size");
    assertThat(pass.get("status").asText()).as(pass.toString()).isEqualTo("pass");
    assertThat(pass.get("data").get("profiles").get(0).get("excludedBytes").asLong()).isEqualTo(11 * GB);
    assertThat(after.exit()).isEqualTo(ExitCode.OK.code());
  }

  @Test
  void theSystemDriveMustHoldTheProfilePlusTwoGiB() throws Exception {
    WindowsVolumeFixture.sparse(volume.resolve("Users/Default/Documents/data.bin"), 3 * GB);
    long[] available = {3 * GB + (2L << 30) - 1};
    VolumeProbe volumes = path -> Fact.known(new VolumeUsage("/mnt/windows", "ntfs3", 80L << 30, available[0],
        available[0]));
    HostOpener opener = (root, offline) -> {
      RootedFiles files = new RootedFiles(root);
      return new HostOpener.Opened(WindowsHost.offline(new HostInfo(Platform.WINDOWS, root.toString(), true, null),
          files, volumes), files);
    };
    String[] args = {"check", "--root", volume.toString(), "--profile", "workspaces-windows", "--format", "json",
        "--state-dir", state.toString(), "--only", "system-drive-free-space"};
    Run short1 = run(opener, args);
    JsonNode fail = short1.check("system-drive-free-space");
    assertThat(fail.get("status").asText()).isEqualTo("fail");
    assertThat(fail.get("message").asText()).contains("needs 4.8 GiB (profile 2.8 GiB + 2.0 GiB)");
    assertThat(short1.exit()).isEqualTo(ExitCode.NOT_READY.code());

    available[0]++;
    assertThat(run(opener, args).check("system-drive-free-space").get("status").asText()).isEqualTo("pass");
  }

  @Test
  void aClearTextAdministratorPasswordIsReportedNeverPrintedAndCleanedToRandom() throws Exception {
    Path launch = WindowsVolumeFixture.launchConfig(volume, "Specify", SECRET);

    for (String format : List.of("json", "text")) {
      Run r = run(null, "check", "--root", volume.toString(), "--profile", "ec2-windows", "--format", format,
          "--state-dir", state.toString(), "--verbose");
      assertThat(r.out() + r.err()).contains("LaunchConfig.json").doesNotContain(SECRET);
      assertThat(r.exit()).isEqualTo(ExitCode.NOT_READY.code());
    }
    JsonNode finding = check().check("no-secrets-left");
    assertThat(finding.get("status").asText()).isEqualTo("resolved-by-cleanup");
    assertThat(finding.get("evidence").get(0).get("line").asInt()).isEqualTo(4);
    assertThat(finding.get("resolvedBy").get(0).asText()).isEqualTo("ec2launch-admin-password");

    Run dry = run(null, "clean", "--root", volume.toString(), "--profile", "ec2-windows", "--dry-run",
        "--format", "json", "--state-dir", state.toString());
    assertThat(dry.out()).contains("clear-password").doesNotContain(SECRET);
    assertThat(Files.readString(launch)).contains(SECRET);

    Run clean = run(null, "clean", "--root", volume.toString(), "--profile", "ec2-windows", "--yes",
        "--format", "json", "--state-dir", state.toString());
    assertThat(clean.exit()).as(clean.out() + clean.err()).isEqualTo(ExitCode.OK.code());
    assertThat(Files.readString(launch)).isEqualTo("{\r\n  \"setComputerName\": false,\r\n"
        + "  \"adminPasswordType\": \"Random\",\r\n  \"adminPassword\": \"\"\r\n}\r\n");
    assertThat(volume.resolve("Windows/Temp")).isEmptyDirectory();
    assertThat(check("--only", "no-secrets-left").check("no-secrets-left").get("status").asText()).isEqualTo("pass");
    try (var journals = Files.list(state)) {
      for (Path j : journals.toList()) {
        assertThat(Files.readString(j)).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void autoDetectsAWindowsVolumeAndRefusesALinuxProfileForIt() throws Exception {
    Run auto = run(null, "check", "--root", volume.toString(), "--format", "json", "--state-dir", state.toString());
    assertThat(auto.json().get("host").get("profile").asText()).isEqualTo("workspaces-windows");
    assertThat(auto.json().get("host").get("profileReason").asText()).startsWith("auto-detected: ").contains("WorkSpaces");
    assertThat(auto.json().at("/host/detection/seen").findValuesAsText("value"))
        .contains("HKLM\\SOFTWARE\\Amazon\\SkyLight");
    assertThat(auto.json().at("/host/detection/fallback").asBoolean()).isFalse();

    Run linux = run(null, "check", "--root", volume.toString(), "--profile", "ec2-linux", "--state-dir",
        state.toString());
    assertThat(linux.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(linux.err()).contains("profile ec2-linux is for linux, but the image is windows");
  }

  @Test
  void aDirtyHiveWithoutLogsNeverLetsARulePassAndAFailureKeepsTheCaveat() throws Exception {
    Run clean = check();
    Path hive = volume.resolve("Windows/System32/config/SOFTWARE");
    byte[] bytes = Files.readAllBytes(hive);
    bytes[8] ^= 1; // secondary sequence number: the hive was not closed cleanly
    bytes[0x1FC] ^= 1; // and keep the header checksum right for the change
    Files.write(hive, bytes);
    Run r = check();

    List<String> passedBefore = new java.util.ArrayList<>();
    List<String> failedBefore = new java.util.ArrayList<>();
    for (String id : List.of("profile-size", "apps-on-system-drive", "appx-provisioned", "pending-reboot",
        "required-components")) {
      String before = clean.check(id).get("status").asText();
      JsonNode c = r.check(id);
      JsonNode caveat = c.get("evidence").get(c.get("evidence").size() - 1);
      assertThat(caveat.get("kind").asText()).as(id).isEqualTo("read-possibly-stale");
      assertThat(caveat.get("path").asText()).isEqualTo("/Windows/System32/config/SOFTWARE");
      assertThat(caveat.get("detail").asText()).as(id).contains("SOFTWARE was not closed cleanly",
          "no log could be applied", "judged from the primary file");
      if (before.equals("pass")) {
        passedBefore.add(id);
        assertThat(c.get("status").asText()).as(id).isEqualTo("unknown");
        assertThat(c.get("message").asText()).as(id).contains("not closed cleanly", "the rule would pass on it");
      } else {
        failedBefore.add(id);
        assertThat(c.get("status").asText()).as(id).isEqualTo(before).isIn("fail", "warn");
      }
    }
    assertThat(passedBefore).isNotEmpty();
    assertThat(failedBefore).isNotEmpty();
    assertThat(r.exit()).isEqualTo(ExitCode.NOT_READY.code());
  }

  @Test
  void theSecretBaselineAndRuleFileReachTheWindowsVolumesScan() throws Exception {
    Path notes = Files.createDirectories(volume.resolve("Users/Default/Documents")).resolve("notes.txt");
    Files.writeString(notes, "smtp_password = Zq8vN2pLk4Rt7Yw\nacme token acme_4f9c2e7a1b3d5f6e8a0c2e4f6a8b0d1c\n");
    Path rules = tmp.resolve("acme.toml");
    Files.writeString(rules, "[[rules]]\nid = \"acme-token\"\nregex = '''acme_[0-9a-f]{32}'''\nkeywords = [\"acme_\"]\n");
    Path baseline = tmp.resolve("reviewed.baseline");
    String[] scan = {"check", "--root", volume.toString(), "--profile", "ec2-windows", "--format", "json",
        "--state-dir", state.toString(), "--only", "no-keys-or-credentials", "--secret-rules", rules.toString()};
    Run first = run(null, concat(scan, "--write-baseline", baseline.toString()));
    JsonNode found = first.check("no-keys-or-credentials");
    assertThat(found.get("status").asText()).as(first.out()).isEqualTo("fail");
    assertThat(found.get("evidence").findValuesAsText("kind")).contains("password-assignment", "acme-token");
    assertThat(Files.readString(baseline)).contains("/Users/Default/Documents/notes.txt", "acme-token");

    Run accepted = run(null, concat(scan, "--baseline", baseline.toString()));
    JsonNode pass = accepted.check("no-keys-or-credentials");
    assertThat(pass.get("status").asText()).as(accepted.out()).isEqualTo("pass");
    assertThat(pass.get("data").get("acceptedByBaseline").asLong()).isEqualTo(2);
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void rulesListShowsEveryWindowsRequirementWithItsSource() {
    Run r = run(null, "rules", "list", "--profile", "workspaces-windows");
    assertThat(r.exit()).isEqualTo(ExitCode.OK.code());
    assertThat(r.out()).contains("profile-size", "system-drive-free-space", "service-accounts", "required-components",
        "not-feature-upgraded", "apps-on-system-drive", "no-secrets-left",
        "source: Amazon WorkSpaces Administration Guide, \"Create a custom WorkSpaces image and bundle\"")
        .doesNotContain("seeds/");
  }
}

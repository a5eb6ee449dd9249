package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.Trees.write;
import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imageprep.agent.json.ReportJson;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.LocalCli.Result;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.SchemaValidator;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.agent.testing.UsedImageRuns;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, "what a pipeline expects", through the real command line. */
class PipelineTest {

  @TempDir
  Path tmp;

  UsedImageRuns image;
  Path root;
  Path out;
  LocalCli cli;

  @BeforeEach
  void image() throws IOException {
    image = UsedImageRuns.in(tmp);
    root = image.root();
    out = tmp.resolve("out");
    cli = image.cli();
  }

  private Result run(String command, String... more) {
    return image.run(command, more);
  }

  @Test
  void severalFormatsFromOneRunWithAStem() throws IOException {
    Result r = run("check", "--format", "json,html,junit", "-o", out.resolve("report").toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.NOT_READY.code());
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.json", "report.html", "report.xml");
    }
    JsonNode json = ReportSchema.validated(Files.readString(out.resolve("report.json")));
    assertThat(Files.readString(out.resolve("report.html"))).contains("<h1 id='verdict'>NOT READY</h1>");
    assertThat(Files.readString(out.resolve("report.xml"))).contains("<property name=\"verdict\" value=\"NOT READY\"/>");
    assertThat(r.out()).isEqualTo("NOT READY — awaiting cleanup: no-secrets-left (imageprep prepare removes what they"
        + " found) · " + counts(json) + " · exit 1 · reports: " + out.resolve("report") + ".json, "
        + out.resolve("report") + ".html, " + out.resolve("report") + ".xml\n");
  }

  @Test
  void oneOutputPerFormatIsPairedInOrder() throws IOException {
    Result r = run("clean --dry-run", "--format", "html,json", "-o", out.resolve("plan.page").toString(), "-o",
        out.resolve("plan.data").toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("plan.page"))).startsWith("<!DOCTYPE html>");
    assertThat(ReportSchema.validated(Files.readString(out.resolve("plan.data"))).at("/verdict").asText())
        .isEqualTo("PLANNED");
  }

  @Test
  void anAmbiguousOutputIsExitTwoBeforeTheRunAndChangesNothing() throws IOException {
    String before = fingerprint(root);
    List<List<String>> bad = List.of(
        List.of("--format", "json,html"),
        List.of("--format", "json,html", "-o", out.resolve("report.json").toString()),
        List.of("--format", "json,html", "-o", "a", "-o", "b", "-o", "c"),
        List.of("--format", "json,json", "-o", "x"),
        List.of("--format", "jsn"),
        List.of("--format", "json", "-o", "a", "-o", "b"));
    List<String> says = List.of("give -o once per format (in that order), or once as a stem (-o report writes"
        + " report.json, report.html)", "names one file, but --format asks for 2 reports", "3 -o for 2 format(s)",
        "--format json is given twice", "unknown --format jsn; did you mean json?", "2 -o for 1 format(s)");
    for (int i = 0; i < bad.size(); i++) {
      List<String> args = new ArrayList<>(bad.get(i));
      args.add("--yes");
      Result r = run("clean", args.toArray(String[]::new));
      assertThat(r.exitCode()).as(bad.get(i) + r.err()).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err()).contains(says.get(i));
    }
    assertThat(fingerprint(root)).isEqualTo(before);
    assertThat(out).doesNotExist();
  }

  @Test
  void reportFromAJsonReportWritesTheOtherFormatsWithoutANewRun() throws IOException {
    Path json = out.resolve("check.json");
    assertThat(run("check", "--format", "json", "-o", json.toString()).exitCode()).isEqualTo(1);
    Files.writeString(root.resolve("etc/os-release"), "ID=changed-after-the-run\n");

    Result r = cli.run("report", "--from", json.toString(), "--format", "html,text,junit,json", "-o",
        out.resolve("again").toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("again.json"))).as("the same report, read back")
        .isEqualTo(Files.readString(json));
    assertThat(Files.readString(out.resolve("again.html"))).contains("NOT READY").contains("Debian GNU/Linux 12")
        .doesNotContain("changed-after-the-run");
    assertThat(Files.readString(out.resolve("again.txt"))).contains("CLEANUP  no-secrets-left");
    assertThat(Files.readString(out.resolve("again.xml"))).contains("<testsuites");
    Result text = cli.run("report", "--from", json.toString());
    assertThat(text.out()).endsWith(" · exit 1\n").contains("profile ec2-linux");
  }

  @Test
  void reportFromReadsAVersionOneReportAndWritesVersionTwo() throws IOException {
    Path json = out.resolve("check.json");
    run("check", "--format", "json", "-o", json.toString());
    ObjectNode v1 = (ObjectNode) ReportJson.mapper().readTree(Files.readString(json));
    v1.put("schema", "imageprep/report/v1");
    v1.remove(List.of("failOn", "blockedBy"));
    ((ObjectNode) v1.get("summary")).remove("resolvedByCleanup");
    ((ObjectNode) v1.get("host")).remove("detection");
    for (JsonNode c : (ArrayNode) v1.get("checks")) {
      if (c.get("status").asText().equals("resolved-by-cleanup")) {
        ((ObjectNode) c).put("status", "fail");
      }
    }
    Path old = Files.writeString(out.resolve("v1.json"), v1.toPrettyString());
    assertThat(SchemaValidator.problems(Files.readString(old), SchemaValidator.REPORT_V1)).as("a genuine v1 report")
        .isEmpty();

    Result r = cli.run("report", "--from", old.toString(), "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode v2 = ReportSchema.validated(r.out());
    assertThat(v2.at("/schema").asText()).isEqualTo("imageprep/report/v2");
    assertThat(v2.at("/blockedBy/0").asText()).as("v1 had no resolved-by-cleanup").isEqualTo("no-secrets-left");
    assertThat(v2.at("/failOn").asText()).isEqualTo("error");
  }

  @Test
  void reportFromSomethingElseIsExitTwoNamingTheFile() throws IOException {
    Path notJson = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
    Path otherJson = Files.writeString(tmp.resolve("other.json"), "{\"schema\": \"something/else\"}");

    for (Path p : List.of(notJson, otherJson, tmp.resolve("missing.json"))) {
      Result r = cli.run("report", "--from", p.toString(), "--format", "html");
      assertThat(r.exitCode()).as(p + r.err()).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err()).startsWith("imageprep: --from " + p + ": ").doesNotContain("\tat ");
    }
    assertThat(cli.run("report", "--from", otherJson.toString()).err()).contains("not an imageprep report");
  }

  @Test
  void failOnWarningMakesWarningsBlockInEveryFormat() throws IOException {
    assertThat(run("prepare", "--yes").exitCode()).as("a clean image").isZero();
    write(root, "/etc/fstab", "tmpfs /tmp tmpfs defaults,noexec,nosuid 0 0\n");

    Result lenient = run("check", "--format", "json");
    Result strict = run("check", "--format", "json", "--fail-on", "warning");
    Result strictText = run("check", "--fail-on", "warning");
    Result strictJunit = run("check", "--format", "junit", "--fail-on", "warning");
    Result prepare = run("prepare", "--yes", "--fail-on", "warning", "--format", "json");

    assertThat(lenient.exitCode()).as(lenient.out()).isZero();
    assertThat(ReportSchema.validated(lenient.out()).at("/blockedBy")).isEmpty();
    assertThat(strict.exitCode()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode report = ReportSchema.validated(strict.out());
    assertThat(report.at("/failOn").asText()).isEqualTo("warning");
    assertThat(report.at("/blockedBy/0").asText()).isEqualTo("tmp-not-noexec");
    assertThat(report.at("/summary/blocking").asInt()).isEqualTo(1);
    assertThat(strictText.out()).contains("NOT READY — blocked by tmp-not-noexec");
    assertThat(strictJunit.out()).contains("<failure type=\"warn\"");
    assertThat(ReportSchema.validated(prepare.out()).at("/notes/0").asText()).contains("cleanup not run",
        "tmp-not-noexec");
    Result bad = run("check", "--fail-on", "info");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(bad.err()).contains("expected error or warning");
  }

  @Test
  void skippingAnIdTheProfileLacksIsOnlyAWarning() throws IOException {
    Result r = run("check", "--format", "json", "--skip", "skylight-keys,pcoip-aes256,no-secret-left");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode report = ReportSchema.validated(r.out());
    List<String> notes = new ArrayList<>();
    report.get("notes").forEach(n -> notes.add(n.asText()));
    assertThat(notes).contains("--skip skylight-keys: profile ec2-linux has no such rule or cleanup item, so there"
        + " is nothing to leave out", "--skip no-secret-left: profile ec2-linux has no such rule or cleanup item, so"
        + " there is nothing to leave out; did you mean no-secrets-left?");
    Result only = run("check", "--only", "skylight-keys");
    assertThat(only.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(only.err()).contains("--only/--enable skylight-keys: profile ec2-linux has no such rule");
  }

  @Test
  void mistypedProfilesAndIdsGetASuggestion() {
    Result profile = cli.run("check", "--root", root.toString(), "--profile", "ec2-linx", "--state-dir",
        image.state().toString());
    Result show = cli.run("rules", "show", "ssh-hostkeys", "--profile", "ec2-linux");
    Result list = cli.run("rules", "list", "--profile", "worksapces-linux");

    assertThat(profile.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(profile.err()).contains("unknown profile 'ec2-linx'; did you mean ec2-linux?");
    assertThat(show.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(show.err()).contains("no rule or cleanup item 'ssh-hostkeys'; did you mean ssh-host-keys?");
    assertThat(list.err()).contains("did you mean workspaces-linux?");
  }

  @Test
  void quietWithoutOutputPrintsOnlyTheVerdictLine() {
    Result full = run("check");
    Result quiet = run("check", "-q");

    assertThat(quiet.exitCode()).isEqualTo(full.exitCode()).isEqualTo(ExitCode.NOT_READY.code());
    List<String> lines = full.out().lines().toList();
    assertThat(quiet.out()).isEqualTo(lines.get(lines.size() - 1) + "\n");
    assertThat(run("check", "-q", "-o", out.resolve("r.txt").toString()).out()).isEmpty();
  }

  @Test
  void bareImageprepAndBareGroupsPrintUsageAndExitTwo() {
    for (String[] args : List.of(new String[0], new String[] {"rules"}, new String[] {"sudo"})) {
      Result r = cli.run(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err()).contains("needs a command", "Usage: imageprep");
      assertThat(r.out()).isEmpty();
    }
    assertThat(cli.run("--help").exitCode()).as("asking for help is not an error").isZero();
  }

  @Test
  void theDryRunPlanListsEveryPathWithVerboseAndPromisesOnlyWhatTheJsonHas() throws IOException {
    for (int i = 0; i < 230; i++) {
      write(root, String.format("/var/tmp/build-%03d.o", i), "x");
    }
    Result json = run("clean --dry-run", "--format", "json");
    int steps = ReportSchema.validated(json.out()).get("cleanup").size();
    Result plain = run("clean --dry-run");
    Result verbose = run("clean --dry-run", "-v");

    assertThat(steps).isGreaterThan(230);
    assertThat(plain.out()).contains("… and " + (steps - 200) + " more steps (--verbose or --format json lists them)");
    for (int i = 0; i < 230; i++) {
      assertThat(verbose.out()).contains(String.format("/var/tmp/build-%03d.o", i));
    }
    assertThat(verbose.out()).doesNotContain("more steps");
    Result check = run("check");
    assertThat(check.out()).contains("paths of var-tmp-files under /var/tmp (--verbose lists them)");
    assertThat(run("check", "-v").out()).contains("/var/tmp/build-229.o");
  }

  @Test
  void evidenceBeyondTheFirstTwelveIsCountedTrulyAndListedWithVerbose() throws IOException {
    for (int i = 0; i < 15; i++) {
      write(root, "/root/keys/id_" + i, "-----BEGIN OPENSSH PRIVATE KEY-----\n" + UsedImage.HOST_KEY_BODY
          + "\n-----END OPENSSH PRIVATE KEY-----\n");
    }
    int inJson = 0;
    for (JsonNode c : ReportSchema.validated(run("check", "--format", "json").out()).get("checks")) {
      if (c.get("id").asText().equals("no-secrets-left")) {
        inJson = c.get("evidence").size();
      }
    }
    Result plain = run("check");
    Result verbose = run("check", "-v");

    assertThat(inJson).isEqualTo(18);
    assertThat(plain.out()).contains("… and " + (inJson - 12) + " more (--verbose or --format json lists them)");
    assertThat(verbose.out()).doesNotContain("more (--verbose").contains("/root/keys/id_14");
  }

  private static String counts(JsonNode report) {
    JsonNode s = report.get("summary");
    return s.get("pass").asInt() + " pass, " + s.get("fail").asInt() + " fail, " + s.get("warn").asInt() + " warn, "
        + s.get("unknown").asInt() + " unknown, " + s.get("skipped").asInt() + " skipped, "
        + s.get("resolvedByCleanup").asInt() + " resolved by cleanup";
  }

}

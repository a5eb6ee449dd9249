package dev.imageprep.agent.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.SampleReports;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.ToolInfo;
import dev.imageprep.rules.model.VersionManifest;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON shape the mix-ins give the rules types. The schema tests check values and allowed fields;
 * these pin what a schema cannot: field order, which absent values are left out, and that the
 * executor's own fields never reach a report.
 */
class ReportMixInsTest {

  private static JsonNode written(Report report) throws Exception {
    StringWriter out = new StringWriter();
    ReportJson.write(report, out);
    return ReportJson.mapper().readTree(out.toString());
  }

  @Test
  void aReportKeepsItsFieldOrderWithTheDerivedFieldsInPlace() throws Exception {
    List<String> names = new ArrayList<>();
    written(SampleReports.notReadyCheck()).fieldNames().forEachRemaining(names::add);

    assertThat(names).containsSubsequence("schema", "tool", "command", "startedAt", "finishedAt", "host", "ready",
        "verdict", "exitCode", "failOn", "blockedBy", "summary", "notes", "checks");
  }

  @Test
  void enumsAreWrittenAsTheirKeysAndTheVerdictAsItsLabel() throws Exception {
    JsonNode json = written(SampleReports.interruptedClean());

    assertThat(json.get("failOn").asText()).isEqualTo("error");
    assertThat(json.get("host").get("platform").asText()).isEqualTo("linux");
    JsonNode step = json.get("cleanup").get(0);
    assertThat(step.get("action").asText()).isEqualTo("shred");
    assertThat(step.get("status").asText()).isEqualTo("done");
    assertThat(step.get("type").asText()).isEqualTo("regular");
    assertThat(step.get("path").asText()).isEqualTo("/etc/ssh/ssh_host_rsa_key");
    assertThat(written(SampleReports.notReadyCheck()).get("verdict").asText()).isEqualTo("NOT READY");
  }

  @Test
  void aStepLeavesOutItsIdentityItsPlannedFlagAndAnAbsentReason() throws Exception {
    JsonNode step = written(SampleReports.interruptedClean()).get("cleanup").get(0);

    assertThat(step.has("identity")).isFalse();
    assertThat(step.has("planned")).isFalse();
    assertThat(step.has("reason")).isFalse();
  }

  @Test
  void aCheckLeavesOutEmptyEvidenceAndEvidenceLeavesOutAbsentFields() throws Exception {
    JsonNode checks = written(SampleReports.notReadyCheck()).get("checks");
    JsonNode unknown = check(checks, "required-components");
    assertThat(unknown.has("evidence")).isFalse();
    assertThat(unknown.has("data")).isFalse();

    JsonNode awsKey = check(checks, "no-secrets-left").get("evidence").get(1);
    assertThat(awsKey.has("removedBy")).isFalse();
    assertThat(awsKey.get("line").asInt()).isEqualTo(3);
  }

  private static JsonNode check(JsonNode checks, String id) {
    for (JsonNode c : checks) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError("no check " + id + " in " + checks);
  }

  @Test
  void aReportReadBackIsWrittenAgainTheSame() throws Exception {
    for (Report report : List.of(SampleReports.notReadyCheck(), SampleReports.readyPrepare(),
        SampleReports.interruptedClean())) {
      StringWriter first = new StringWriter();
      ReportJson.write(report, first);
      StringWriter again = new StringWriter();
      ReportJson.write(ReportJson.read(first.toString()), again);

      assertThat(again.toString()).isEqualTo(first.toString());
    }
  }

  @Test
  void theManifestLeavesOutAbsentValuesOnlyWhereItsRecordsSaySo() throws Exception {
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    VersionManifest m = new VersionManifest(VersionManifest.SCHEMA, t, new ToolInfo("imageprep", null), null,
        Map.of("Version", "1.2"), null, null, List.of(new VersionManifest.Earlier(t, null, "READY")));

    JsonNode json = ReportJson.mapper().readTree(Json.pretty(m));
    assertThat(json.has("os")).isFalse();
    assertThat(json.has("result")).isFalse();
    assertThat(json.get("history").get(0).has("version")).isFalse();
    // ToolInfo has no rule of its own: its absent version is written as null, as before the mix-ins
    assertThat(json.get("tool").get("version").isNull()).isTrue();
    assertThat(Json.pretty(Json.read(Json.pretty(m), VersionManifest.class))).isEqualTo(Json.pretty(m));
  }
}

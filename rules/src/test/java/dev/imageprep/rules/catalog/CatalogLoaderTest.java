package dev.imageprep.rules.catalog;

import static dev.imageprep.rules.catalog.CatalogTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.rules.check.VolumeUsageCheck;
import dev.imageprep.rules.host.Severity;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {

  private static final String RULE = """
      rules:
        - id: root-volume-usage
          title: Root volume is below 90 % full
          severity: warning
          type: volume-usage
          with: {path: /, max-percent: 90}
          remediation: Free space.
          source: our own policy
      """;

  /** Asserts a single problem at the given line and column whose message contains the text. */
  private static void failsAt(ThrowingCallable load, int line, int column, String text) {
    assertThatThrownBy(load).isInstanceOfSatisfying(CatalogException.class, e -> {
      assertThat(e.problems()).as(e.getMessage()).isNotEmpty();
      CatalogProblem p = e.problems().get(0);
      assertThat(p.file()).isEqualTo("rules.yaml");
      assertThat(p.message()).contains(text);
      assertThat(p.line()).as(e.getMessage()).isEqualTo(line);
      assertThat(p.column()).as(e.getMessage()).isEqualTo(column);
    });
  }

  @Test
  void bindsTypedParameters() {
    CatalogFile f = parse(RULE);
    assertThat(f.isOverlay()).isTrue();
    RuleEntry r = f.rules().get(0);
    assertThat(r.severity()).isEqualTo(Severity.WARNING);
    assertThat(r.check().params()).isEqualTo(new VolumeUsageCheck.Params("/", 90.0));
    assertThat(r.origin()).isEqualTo("rules.yaml:2");
  }

  private static final String ITEM = """
      cleanup:
        - id: app-cache
          title: Empty the application cache
          action: empty-dir
          paths: [/var/cache/app]
          default: true
          source: our own policy
          keep:
            - path: /var/cache/app/licence.db
              reason: the licence server's database
          anchors: [virt-sysprep:logfiles]
      """;

  @Test
  void cleanupItemsKeepPathsAndNameTheOperationsTheyStandFor() {
    var c = parse(ITEM).cleanup().get(0);
    assertThat(c.keep()).singleElement().satisfies(k -> {
      assertThat(k.path()).hasToString("/var/cache/app/licence.db");
      assertThat(k.reason()).isEqualTo("the licence server's database");
    });
    assertThat(c.anchors()).containsExactly("virt-sysprep:logfiles");
  }

  @Test
  void aKeepWithoutReasonOrAMalformedAnchorIsLocated() {
    failsAt(() -> parse(ITEM.replace("\n        reason: the licence server's database", "")), 9, 9,
        "keep entry is missing 'reason'");
    failsAt(() -> parse(ITEM.replace("virt-sysprep:logfiles", "logfiles")), 11, 15, "must be tool:operation");
    failsAt(() -> parse(ITEM.replace("path: /var/cache/app/licence.db", "path: licence.db")), 9, 15,
        "must be an absolute path");
  }

  @Test
  void yamlSyntaxErrorsAreLocated() {
    failsAt(() -> parse("rules:\n  - id: x\n    title: [unclosed\n"), 4, 1, "YAML syntax");
  }

  @Test
  void duplicateKeysAreRejected() {
    failsAt(() -> parse("rules: []\nrules: []\n"), 2, 1, "duplicate key");
  }

  @Test
  void unknownKeysNameTheKey() {
    failsAt(() -> parse(RULE.replace("severity: warning", "sevrity: warning")), 4, 5, "unknown key 'sevrity'");
  }

  @Test
  void badSeverityPointsAtTheValue() {
    failsAt(() -> parse(RULE.replace("severity: warning", "severity: critical")), 4, 15, "unknown severity 'critical'");
  }

  @Test
  void unknownCheckTypesListTheKnownOnes() {
    failsAt(() -> parse(RULE.replace("type: volume-usage", "type: disk-usage")), 5, 11, "known: ");
  }

  @Test
  void unknownParametersPointAtTheParameter() {
    failsAt(() -> parse(RULE.replace("max-percent: 90", "max_percent: 90")), 6, 21, "unknown parameter 'max_percent'");
  }

  @Test
  void wrongParameterTypesPointAtTheValue() {
    failsAt(() -> parse(RULE.replace("max-percent: 90", "max-percent: lots")), 6, 34, "bad parameter");
  }

  @Test
  void parameterRangesAreChecked() {
    failsAt(() -> parse(RULE.replace("max-percent: 90", "max-percent: 140")), 6, 11, "max-percent must be in (0, 100]");
  }

  @Test
  void missingFieldsAreNamed() {
    failsAt(() -> parse(RULE.replace("    source: our own policy\n", "")), 2, 5, "missing 'source'");
  }

  @Test
  void idsAndTitlesFollowTheListingRules() {
    failsAt(() -> parse(RULE.replace("id: root-volume-usage", "id: Root_Volume")), 2, 9, "lower-case");
    failsAt(() -> parse(RULE.replace("below 90 % full", "below 90 % full.")), 3, 12, "without a trailing period");
  }

  @Test
  void badPathPatternsAreLocated() {
    String cleanup = """
        cleanup:
          - id: escape
            title: Remove things
            action: remove
            paths:
              - /var/log/../../etc/shadow
            default: true
            source: test
        """;
    failsAt(() -> parse(cleanup), 6, 9, "'..' is not allowed");
    failsAt(() -> parse(cleanup.replace("/var/log/../../etc/shadow", "var/log/x")), 6, 9, "must be absolute");
    String valid = cleanup.replace("/var/log/../../etc/shadow", "/var/log/x");
    failsAt(() -> parse(valid.replace("action: remove", "action: wipe")), 4, 13, "unknown action 'wipe'");
    failsAt(() -> parse(valid.replace("default: true", "default: maybe")), 7, 14, "must be true or false");
  }

  @Test
  void duplicateIdsWithinAFileAreRejected() {
    failsAt(() -> parse(RULE + RULE.replace("rules:\n", "").replace("  - id", "  - id")), 9, 1, "duplicate id");
  }

  @Test
  void profileOnlyKeysNeedAProfile() {
    failsAt(() -> parse("extends: linux\n" + RULE), 1, 1, "belongs to a profile");
  }

  @Test
  void whenConditionsAreValidated() {
    failsAt(() -> parse(RULE.replace("    with:", "    when: {mode: sometimes}\n    with:")), 6, 18,
        "when.mode must be live or offline");
    CatalogFile f = parse(RULE.replace("    with:", "    when: {os: [amzn, rhel], cleanup: ssh-host-keys}\n    with:"));
    assertThat(f.rules().get(0).when()).isEqualTo(new When(List.of("amzn", "rhel"), null, "ssh-host-keys"));
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce() {
    String two = RULE.replace("severity: warning", "severity: loud").replace("type: volume-usage", "type: nope");
    assertThatThrownBy(() -> parse(two + "cleanup:\n  - id: X\n")).isInstanceOfSatisfying(CatalogException.class,
        e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(2));
  }
}

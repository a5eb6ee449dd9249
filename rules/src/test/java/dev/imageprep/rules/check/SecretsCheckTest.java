package dev.imageprep.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.host.SkippedFile;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.testing.FakeHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsCheckTest {

  private final SecretsCheck check = new SecretsCheck();
  private final FakeHost host = new FakeHost();
  private final SecretsCheck.Params params = new SecretsCheck.Params(List.of("/etc", "/home", "/root"),
      List.of("/usr/share/doc/**"), null, null, null, null);

  private static SecretFinding finding(String path, Severity severity) {
    return new SecretFinding(ImagePath.of(path), 1, "openssh-private-key", severity, "OpenSSH private key",
        "-----BEGIN OPENSSH PRIVATE KEY----- (redacted)");
  }

  @Test
  void leavesUserVolumesOutOfTheScan() {
    check.evaluate(params, CheckTestSupport.workspaces(host));
    assertThat(host.scopesAsked).singleElement().satisfies(scope -> {
      assertThat(scope.include()).extracting(ImagePath::toString).containsExactly("/etc", "/root");
      assertThat(scope.exclude()).contains("/usr/share/doc/**", "/home/**");
    });
  }

  @Test
  void errorFindingsFailAndOnlyWarningsWarn() {
    host.secrets = s -> Fact.known(new SecretScan(List.of(finding("/root/.ssh/id_ed25519", Severity.ERROR)),
        List.of(), 10, 1000));
    Outcome fail = check.evaluate(params, CheckTestSupport.context(host));
    assertThat(fail.status()).isEqualTo(Status.FAIL);
    assertThat(fail.evidence()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("/root/.ssh/id_ed25519");
      assertThat(e.detail()).contains("redacted");
    });
    host.secrets = s -> Fact.known(new SecretScan(List.of(finding("/root/k", Severity.WARNING)), List.of(), 1, 1));
    assertThat(check.evaluate(params, CheckTestSupport.context(host)).status()).isEqualTo(Status.WARN);
  }

  @Test
  void aFailureListsTheFilesItCouldNotScanSoRemovingTheFindingsDoesNotResolveIt() {
    List<SkippedFile> blind = new java.util.ArrayList<>();
    for (int i = 0; i < SecretsCheck.SKIPPED_LISTED + 2; i++) {
      blind.add(new SkippedFile(ImagePath.of("/etc/x" + i), SkippedFile.Cause.UNREADABLE, "permission denied"));
    }
    host.secrets = s -> Fact.known(new SecretScan(List.of(finding("/root/.ssh/id_ed25519", Severity.WARNING)),
        blind, 10, 1000));
    Outcome o = check.evaluate(params, CheckTestSupport.context(host));
    assertThat(o.status()).isEqualTo(Status.WARN);
    assertThat(o.evidence()).hasSize(1 + SecretsCheck.SKIPPED_LISTED + 1);
    assertThat(o.evidence().get(1)).satisfies(e -> {
      assertThat(e.kind()).isEqualTo("not-scanned");
      assertThat(e.path()).isEqualTo("/etc/x0");
    });
    assertThat(o.evidence()).last().satisfies(e -> {
      assertThat(e.path()).as("no cleanup removes it").isNull();
      assertThat(e.detail()).isEqualTo("2 more file(s) could not be scanned");
    });
  }

  @Test
  void informationalFindingsLeaveACleanScanCleanButNotBlind() {
    SecretFinding shipped = finding("/etc/openfortivpn/config", Severity.INFO);
    host.secrets = s -> Fact.known(new SecretScan(List.of(shipped), List.of(), 10, 1000));
    Outcome o = check.evaluate(params, CheckTestSupport.context(host));
    assertThat(o.status()).isEqualTo(Status.PASS);
    assertThat(o.message()).contains("1 informational finding(s)");
    assertThat(o.evidence()).extracting(e -> e.path()).containsExactly("/etc/openfortivpn/config");

    host.secrets = s -> Fact.known(new SecretScan(List.of(shipped), List.of(new SkippedFile(ImagePath.of("/etc/x"),
        SkippedFile.Cause.UNREADABLE, "permission denied")), 10, 1000));
    assertThat(check.evaluate(params, CheckTestSupport.context(host)).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void fixturePatternsAreValidatedAndPassedToTheScan() {
    SecretsCheck.Params bad = new SecretsCheck.Params(List.of("/etc"), null, null, null, null, List.of("tests/**"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> check.validate(bad)).hasMessageContaining("fixtures");
    check.evaluate(new SecretsCheck.Params(List.of("/etc"), null, null, null, null, List.of("**/node_modules/**")),
        CheckTestSupport.context(host));
    assertThat(host.scopesAsked).last().satisfies(scope -> assertThat(scope.fixtures())
        .containsExactly("**/node_modules/**"));
  }

  @Test
  void skippedFilesAreReportedNotHidden() {
    host.secrets = s -> Fact.known(new SecretScan(List.of(), List.of(new SkippedFile(ImagePath.of("/etc/big"),
        SkippedFile.Cause.TOO_LARGE, "larger than 10485760 bytes")), 3, 30));
    Outcome o = check.evaluate(params, CheckTestSupport.context(host));
    assertThat(o.status()).isEqualTo(Status.PASS);
    assertThat(o.message()).contains("skipped 1 too-large");
    assertThat(o.data()).containsEntry("skippedFiles", 1).containsEntry("skippedByCause", java.util.Map.of("too-large", 1));
    assertThat(o.data().get("skipped")).asList().singleElement()
        .satisfies(e -> assertThat(List.copyOf(((java.util.Map<?, ?>) e).keySet()))
            .as("the same key order in every run's report").isEqualTo(List.of("path", "cause", "reason")));
  }

  @Test
  void aFileTheScanCouldNotReadMakesACleanScanUnknown() {
    host.secrets = s -> Fact.known(new SecretScan(List.of(), List.of(new SkippedFile(ImagePath.of("/etc/shadow-"),
        SkippedFile.Cause.UNREADABLE, "permission denied: /etc/shadow-")), 3, 30));
    Outcome o = check.evaluate(params, CheckTestSupport.context(host));
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(o.evidence()).singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("/etc/shadow-"));
  }

  @Test
  void ruleDetectorsAndDisabledIdsReachTheScan() {
    var spec = new dev.imageprep.rules.host.SecretDetectorSpec("acme-token", "Acme token", null, List.of("acme_"),
        "acme_[0-9a-f]{32}", null, null, null, null, null);
    check.evaluate(new SecretsCheck.Params(List.of("/etc"), null, null, List.of(spec), List.of("jwt"), null),
        CheckTestSupport.context(host));
    assertThat(host.scopesAsked).singleElement().satisfies(scope -> {
      assertThat(scope.detectors()).containsExactly(spec);
      assertThat(scope.disabledDetectors()).containsExactly("jwt");
    });
  }

  @Test
  void aDetectorWithABadRegexCannotBeBuilt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.imageprep.rules.host.SecretDetectorSpec("x",
        "X", null, List.of("abc"), "(unclosed", null, null, null, null, null))
        .hasMessageContaining("detector 'x': regex does not compile");
  }

  @Test
  void aScanThatCannotRunIsUnknown() {
    host.secrets = s -> Fact.unknown("out of memory");
    assertThat(check.evaluate(params, CheckTestSupport.context(host)).status()).isEqualTo(Status.UNKNOWN);
  }
}

package dev.imageprep.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.ReadNote;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadNotesTest {

  static final ReadNote REPLAYED = new ReadNote("/Windows/System32/config/SYSTEM",
      "SYSTEM was not closed cleanly; replayed 24 log entries (315 dirty pages) from SYSTEM.LOG1 and SYSTEM.LOG2", false);
  static final ReadNote STALE = new ReadNote("/Windows/System32/config/SYSTEM",
      "SYSTEM was not closed cleanly and no log could be applied; judged from the primary file", true);

  static CheckResult result(Status status, Evidence... evidence) {
    return new CheckResult("service-accounts", "t", Severity.ERROR, status, "no service logs on as a domain account",
        List.of(evidence), Map.of(), "fix", "source", List.of());
  }

  @Test
  void aPassJudgedFromAPossiblyStaleHiveIsUnknownAndSaysWhy() {
    CheckResult r = ReadNotes.apply(result(Status.PASS), List.of(STALE));
    assertThat(r.status()).isEqualTo(Status.UNKNOWN);
    assertThat(r.blocks(Severity.ERROR)).isTrue();
    assertThat(r.message()).isEqualTo(STALE.text() + ": the rule would pass on it (no service logs on as a domain"
        + " account), but not necessarily on what the system would read");
    assertThat(r.evidence()).containsExactly(
        Evidence.atPath("/Windows/System32/config/SYSTEM", ReadNotes.READ_AS_STALE, STALE.text()));
  }

  @Test
  void aFailureOrWarningStandsWithTheCaveatBesideIt() {
    Evidence finding = Evidence.of("domain-account", "MSSQL$SQLEXPRESS logs on as CORP\\svc-sql");
    for (Status s : List.of(Status.FAIL, Status.WARN, Status.SKIPPED, Status.UNKNOWN)) {
      CheckResult r = ReadNotes.apply(result(s, finding), List.of(STALE));
      assertThat(r.status()).isEqualTo(s);
      assertThat(r.message()).isEqualTo("no service logs on as a domain account");
      assertThat(r.evidence()).extracting(Evidence::kind).containsExactly("domain-account", ReadNotes.READ_AS_STALE);
    }
  }

  @Test
  void aReplayedHiveIsSaidInTheEvidenceAndChangesNothingElse() {
    CheckResult r = ReadNotes.apply(result(Status.PASS), List.of(REPLAYED));
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.evidence()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(ReadNotes.READ_AS_RECOVERED);
      assertThat(e.detail()).contains("replayed 24 log entries");
    });
    CheckResult untouched = result(Status.PASS);
    assertThat(ReadNotes.apply(untouched, List.of())).isSameAs(untouched);
  }
}

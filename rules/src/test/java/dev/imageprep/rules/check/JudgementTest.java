package dev.imageprep.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fail-closed in one place: every combination of found, unseen and seen, for both ways of ending. */
class JudgementTest {

  private static final Evidence FOUND = Evidence.atPath("/etc/key", "key", "a key");
  private static final Evidence FINE = Evidence.of("ok", "all fine");
  private static final Evidence UNDECIDED = Evidence.of("undecided", "d: cannot tell");

  private static Judgement judgement(boolean found, String unseen, boolean saw) {
    Judgement j = new Judgement();
    if (saw) {
      j.saw(FINE);
    }
    if (found) {
      j.found(FOUND);
    }
    switch (unseen) {
      case "text" -> j.unseen("/root: permission denied");
      case "evidence" -> j.unseen("d", UNDECIDED);
      case "fact" -> j.sees("/var", Fact.unknown("I/O error"));
      default -> { }
    }
    return j;
  }

  private static Outcome toOutcome(Judgement j) {
    return j.toOutcome(found -> found.size() + " found", unseen -> "could not look: " + String.join("; ", unseen),
        () -> "all clear");
  }

  @ParameterizedTest(name = "found={0} unseen={1} saw={2}")
  @CsvSource({
      "false, none,     false, PASS,    all clear",
      "false, none,     true,  PASS,    all clear",
      "false, text,     false, UNKNOWN, could not look: /root: permission denied",
      "false, text,     true,  UNKNOWN, could not look: /root: permission denied",
      "false, evidence, true,  UNKNOWN, could not look: d",
      "false, fact,     false, UNKNOWN, 'could not look: /var: I/O error'",
      "true,  none,     false, FAIL,    1 found",
      "true,  none,     true,  FAIL,    1 found",
      "true,  text,     true,  FAIL,    1 found",
      "true,  evidence, false, FAIL,    1 found",
      "true,  fact,     true,  FAIL,    1 found"})
  void somethingFoundFailsNothingFoundButUnseenIsUnknownElsePass(boolean found, String unseen, boolean saw,
      Status status, String message) {
    Outcome o = toOutcome(judgement(found, unseen, saw));
    assertThat(o.status()).isEqualTo(status);
    assertThat(o.message()).isEqualTo(message);
  }

  @Test
  void everyStatusCarriesTheEvidenceInTheOrderItWasRecorded() {
    assertThat(toOutcome(judgement(false, "none", true)).evidence()).containsExactly(FINE);
    assertThat(toOutcome(judgement(false, "evidence", true)).evidence()).containsExactly(FINE, UNDECIDED);
    assertThat(toOutcome(judgement(true, "evidence", true)).evidence()).containsExactly(FINE, FOUND, UNDECIDED);
  }

  @Test
  void aFailureKeepsWhatItCouldNotSeeAsEvidenceWithoutAPath() {
    Outcome o = toOutcome(judgement(true, "text", false));
    assertThat(o.evidence()).containsExactly(FOUND, Evidence.of("not-seen", "/root: permission denied"));
    assertThat(toOutcome(judgement(true, "fact", false)).evidence()).last()
        .isEqualTo(Evidence.of("not-seen", "/var: I/O error"));
    assertThat(toOutcome(judgement(false, "text", false)).evidence()).as("unknown says it in its message").isEmpty();
  }

  @Test
  void thePassMessageIsOnlyAskedForWhenEverythingWasSeen() {
    Outcome o = judgement(false, "text", false).toOutcome(found -> "found", () -> {
      throw new AssertionError("a value that could not be read was used for the pass message");
    });
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(o.message()).as("the default unknown message lists what was not seen")
        .isEqualTo("/root: permission denied");
  }

  @ParameterizedTest(name = "unseen={0} saw={1}")
  @CsvSource({
      "none,     false, FAIL,    none there",
      "none,     true,  FAIL,    none there",
      "text,     true,  UNKNOWN, could not look: /root: permission denied",
      "evidence, false, UNKNOWN, could not look: d"})
  void noneOfTheAlternativesSatisfiedIsUnknownWhenOneCouldNotBeSeen(String unseen, boolean saw, Status status,
      String message) {
    Outcome o = judgement(false, unseen, saw).noneSatisfied(u -> "could not look: " + String.join("; ", u),
        () -> "none there");
    assertThat(o.status()).isEqualTo(status);
    assertThat(o.message()).isEqualTo(message);
  }

  @Test
  void dataIsCarriedWhateverTheStatus() {
    for (boolean found : List.of(true, false)) {
      for (String unseen : List.of("none", "text")) {
        Outcome o = toOutcome(judgement(found, unseen, false).data("a", 1).data(Map.of("b", "two")));
        assertThat(o.data()).containsExactly(Map.entry("a", 1), Map.entry("b", "two"));
      }
    }
  }

  @Test
  void seesTellsWhetherAFactIsKnown() {
    Judgement j = new Judgement();
    assertThat(j.sees("x", Fact.known(1))).isTrue();
    assertThat(j.sawAll()).isTrue();
    assertThat(j.sees("y", Fact.unknown("gone"))).isFalse();
    assertThat(j.sawAll()).isFalse();
  }
}

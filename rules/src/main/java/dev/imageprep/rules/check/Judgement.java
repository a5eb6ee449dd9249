package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fail-closed, written once. A check records what it found (each a reason to fail), what it saw that
 * is fine, and what it could not look at; {@link #toOutcome} then decides: something found is FAIL,
 * nothing found but something unseen is UNKNOWN (never PASS), else PASS. A FAIL keeps its caveats:
 * each unseen thing without evidence of its own becomes a {@code not-seen} evidence line with no
 * path, so a cleanup that removes every found path cannot turn the failure into "resolved".
 *
 * <p>Checks that pass when any one alternative is there ({@code unit-enabled}, {@code file-matches})
 * return PASS as soon as one is, and end with {@link #noneSatisfied}: an unseen alternative might be
 * the one, so UNKNOWN wins over FAIL there.
 */
public final class Judgement {

  private final List<Evidence> evidence = new ArrayList<>();
  private final List<Evidence> found = new ArrayList<>();
  private final List<String> unseen = new ArrayList<>();
  private final List<String> caveats = new ArrayList<>();
  private final Map<String, Object> data = new LinkedHashMap<>();

  /** Something that makes the check fail, shown as evidence. */
  public Judgement found(Evidence finding) {
    found.add(finding);
    evidence.add(finding);
    return this;
  }

  /** Something looked at that is fine, shown as evidence whatever the result. */
  public Judgement saw(Evidence fine) {
    evidence.add(fine);
    return this;
  }

  /** Something that could not be looked at: {@code what} names it and says why ("/etc: permission denied"). */
  public Judgement unseen(String what) {
    unseen.add(what);
    caveats.add(what);
    return this;
  }

  /** A fact that could not be read: {@code what: reason}. */
  public Judgement unseen(String what, Fact<?> fact) {
    return unseen(what + ": " + fact.reason());
  }

  /** Something that could not be decided, with the evidence line that already says so. */
  public Judgement unseen(String what, Evidence shown) {
    unseen.add(what);
    evidence.add(shown);
    return this;
  }

  /**
   * Reads a fact, noting it as unseen when it is not known.
   *
   * @return whether it is known, so the caller looks at its value only then
   */
  public boolean sees(String what, Fact<?> fact) {
    if (!fact.isKnown()) {
      unseen(what, fact);
    }
    return fact.isKnown();
  }

  /** Data the outcome carries whatever its status (counts, measured sizes). */
  public Judgement data(String key, Object value) {
    data.put(key, value);
    return this;
  }

  /** Data the outcome carries whatever its status, in this order. */
  public Judgement data(Map<String, Object> more) {
    data.putAll(more);
    return this;
  }

  /** Whether everything was looked at. */
  public boolean sawAll() {
    return unseen.isEmpty();
  }

  /** {@link #toOutcome(Function, Function, Supplier)} with what could not be seen, and why, as the UNKNOWN message. */
  public Outcome toOutcome(Function<List<Evidence>, String> failMessage, Supplier<String> passMessage) {
    return toOutcome(failMessage, unseen -> String.join("; ", unseen), passMessage);
  }

  /**
   * FAIL when something was found, else UNKNOWN when something could not be seen, else PASS. Every
   * status carries all the evidence recorded, in the order it was.
   *
   * @param failMessage the message from the findings
   * @param unknownMessage the message from what could not be seen
   * @param passMessage the message when all was seen and nothing found (only asked for then)
   */
  public Outcome toOutcome(Function<List<Evidence>, String> failMessage, Function<List<String>, String> unknownMessage,
      Supplier<String> passMessage) {
    if (!found.isEmpty()) {
      List<Evidence> withCaveats = new ArrayList<>(evidence);
      caveats.forEach(c -> withCaveats.add(Evidence.of("not-seen", c)));
      return new Outcome(Status.FAIL, failMessage.apply(List.copyOf(found)), withCaveats, data);
    }
    return notFound(unknownMessage, Status.PASS, passMessage);
  }

  /**
   * For checks that pass when one alternative is there and found none: UNKNOWN when one could not be
   * seen (it might have been the one), else FAIL.
   */
  public Outcome noneSatisfied(Function<List<String>, String> unknownMessage, Supplier<String> failMessage) {
    return notFound(unknownMessage, Status.FAIL, failMessage);
  }

  private Outcome notFound(Function<List<String>, String> unknownMessage, Status seenAll, Supplier<String> message) {
    if (!unseen.isEmpty()) {
      return new Outcome(Status.UNKNOWN, unknownMessage.apply(List.copyOf(unseen)), evidence, data);
    }
    return new Outcome(seenAll, message.get(), evidence, data);
  }
}

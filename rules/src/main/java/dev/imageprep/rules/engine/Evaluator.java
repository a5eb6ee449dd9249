package dev.imageprep.rules.engine;

import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.check.CheckContext;
import dev.imageprep.rules.check.Outcome;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.OsRelease;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Judges the selected rules against the host's facts. A check that throws is reported as {@code
 * unknown} with the error, never as a pass; a failed rule below error severity is reported as {@code
 * warn}; a failure whose every finding the context's cleanup plan removes is {@code
 * resolved-by-cleanup}; what the probes say about how they read a rule's data is added to its result
 * ({@link ReadNotes}).
 */
public final class Evaluator {

  private final CheckContext context;

  public Evaluator(CheckContext context) {
    this.context = context;
  }

  public List<CheckResult> evaluate(List<RuleEntry> rules) {
    return evaluate(rules, r -> {});
  }

  /** @param onStart told each rule as it starts, for progress display */
  public List<CheckResult> evaluate(List<RuleEntry> rules, Consumer<RuleEntry> onStart) {
    List<CheckResult> out = new ArrayList<>();
    for (RuleEntry rule : rules) {
      onStart.accept(rule);
      out.add(judge(rule));
    }
    return out;
  }

  private CheckResult judge(RuleEntry rule) {
    context.host().registry().takeReadNotes(); // notes of earlier reads belong to earlier rules
    return ReadNotes.apply(result(rule), context.host().registry().takeReadNotes());
  }

  private CheckResult result(RuleEntry rule) {
    Outcome outcome;
    Optional<Outcome> gate = applicability(rule);
    if (gate.isPresent()) {
      outcome = gate.get();
    } else {
      try {
        outcome = rule.check().evaluate(context);
      } catch (RuntimeException e) {
        outcome = Outcome.unknown("internal error while checking: " + e);
      }
    }
    Status status = outcome.status();
    if (status == Status.FAIL && rule.severity() != Severity.ERROR) {
      status = Status.WARN;
    }
    List<Evidence> evidence = new ArrayList<>();
    Set<String> removers = new LinkedHashSet<>();
    boolean allRemoved = rule.check().type().resolvableByCleanup() && !outcome.evidence().isEmpty();
    for (Evidence e : outcome.evidence()) {
      Optional<String> remover = e.path() == null ? Optional.empty()
          : context.cleanup().removerOf(dev.imageprep.rules.host.ImagePath.of(e.path()));
      if (remover.isPresent()) {
        removers.add(remover.get());
        evidence.add(e.withRemovedBy(remover.get()));
      } else {
        allRemoved = false;
        evidence.add(e);
      }
    }
    List<String> resolvedBy = List.of();
    String message = outcome.message();
    if ((status == Status.FAIL || status == Status.WARN) && allRemoved) {
      status = Status.RESOLVED_BY_CLEANUP;
      resolvedBy = List.copyOf(removers);
      message = message + "; all removed by cleanup " + String.join(", ", removers);
    }
    return new CheckResult(rule.id(), rule.title(), rule.severity(), status, message, evidence, outcome.data(),
        rule.remediation(), rule.source(), resolvedBy);
  }

  private Optional<Outcome> applicability(RuleEntry rule) {
    boolean offline = context.host().info().offline();
    if (!rule.when().needsOs()) {
      return rule.when().notApplicable(new OsRelease("", List.of(), "", ""), offline, context.selectedCleanup())
          .map(Outcome::skipped);
    }
    Fact<OsRelease> os = context.host().os().release();
    if (!os.isKnown()) {
      return Optional.of(Outcome.unknown("cannot tell whether the rule applies (it is for "
          + String.join(", ", rule.when().osIds()) + ")", os));
    }
    return rule.when().notApplicable(os.value(), offline, context.selectedCleanup()).map(Outcome::skipped);
  }
}

package dev.imageprep.agent.report;

import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The one line that ends a text report and that {@code -o} and {@code -q} print alone: the verdict,
 * what really blocks it, what only awaits the cleanup, the counts and the exit code.
 * {@code NOT READY — blocked by root-volume-usage; awaiting cleanup: no-secrets-left · 5 pass, … · exit 1}
 */
public final class VerdictLine {

  private VerdictLine() {}

  public static String of(Report r) {
    return of(r, UnaryOperator.identity());
  }

  /** @param styleVerdict decorates the verdict word (colour on a terminal) */
  static String of(Report r, UnaryOperator<String> styleVerdict) {
    StringBuilder sb = new StringBuilder(styleVerdict.apply(r.verdict().label()));
    List<String> why = new ArrayList<>();
    if (!r.blockedBy().isEmpty()) {
      why.add("blocked by " + String.join(", ", r.blockedBy()));
    }
    if (!r.awaitingCleanup().isEmpty()) {
      why.add("awaiting cleanup: " + String.join(", ", r.awaitingCleanup())
          + (r.command().equals("check") ? " (imageprep prepare removes what they found)" : ""));
    }
    if (!why.isEmpty()) {
      sb.append(" — ").append(String.join("; ", why));
    }
    Summary s = r.summary();
    if (!r.checks().isEmpty()) {
      sb.append(String.format(Locale.ROOT, " · %d pass, %d fail, %d warn, %d unknown, %d skipped", s.pass(), s.fail(),
          s.warn(), s.unknown(), s.skipped()));
      if (s.resolvedByCleanup() > 0) {
        sb.append(", ").append(s.resolvedByCleanup()).append(" resolved by cleanup");
      }
    }
    if (!r.command().equals("check") && (!r.cleanup().isEmpty() || r.checks().isEmpty())) {
      sb.append(String.format(Locale.ROOT, " · cleanup %d planned, %d done, %d skipped, %d failed, %s",
          s.cleanupPlanned(), s.cleanupDone(), s.cleanupSkipped(), s.cleanupFailed(), Bytes.human(s.cleanupBytes())));
    }
    return sb.append(" · exit ").append(r.exitCode()).toString();
  }
}

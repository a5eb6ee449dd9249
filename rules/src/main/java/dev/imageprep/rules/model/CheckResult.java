package dev.imageprep.rules.model;

import dev.imageprep.rules.host.Severity;
import java.util.List;
import java.util.Map;

/**
 * The judged result of one rule on one host.
 *
 * @param resolvedBy cleanup item ids that remove every finding of this result (its status is then
 *     {@link Status#RESOLVED_BY_CLEANUP}); it does not block {@code prepare}, and the verify step
 *     re-checks it
 * @param data measured values (bytes, percentages, thresholds) that a pipeline can recompute from
 */
public record CheckResult(
    String id,
    String title,
    Severity severity,
    Status status,
    String message,
    List<Evidence> evidence,
    Map<String, Object> data,
    String remediation,
    String source,
    List<String> resolvedBy) {

  public CheckResult {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    resolvedBy = resolvedBy == null ? List.of() : List.copyOf(resolvedBy);
  }

  /**
   * True when this result blocks the image at the {@code --fail-on} threshold: a rule of that severity
   * or more serious failed, warned or could not see. A finding the cleanup removes does not block.
   */
  public boolean blocks(Severity failOn) {
    return severity.atLeast(failOn) && (status == Status.FAIL || status == Status.WARN || status == Status.UNKNOWN);
  }

  /** True when the image is not ready only because the cleanup has not yet removed what this check found. */
  public boolean awaitsCleanup() {
    return status == Status.RESOLVED_BY_CLEANUP;
  }
}

package dev.imageprep.rules.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The judged result of one rule on one host.
 *
 * @param resolvedBy cleanup item ids that remove every finding of this result; a failure that the
 *     cleanup plan resolves does not block {@code prepare}, and the verify step re-checks it
 * @param data measured values (bytes, percentages, thresholds) that a pipeline can recompute from
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
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
    evidence = List.copyOf(evidence);
    data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    resolvedBy = List.copyOf(resolvedBy);
  }

  /** True when this result makes the image not ready: an error-level fail or unknown. */
  public boolean blocksReadiness() {
    return severity == Severity.ERROR && (status == Status.FAIL || status == Status.UNKNOWN);
  }

  /** True when this result must stop {@code prepare} before cleaning: blocking, and not resolved by cleanup. */
  public boolean blocksCleanup() {
    return blocksReadiness() && resolvedBy.isEmpty();
  }
}

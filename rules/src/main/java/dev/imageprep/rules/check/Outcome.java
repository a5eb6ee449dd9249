package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a check type concluded, before the engine adds the catalog entry's metadata. */
public record Outcome(Status status, String message, List<Evidence> evidence, Map<String, Object> data) {

  public Outcome {
    evidence = List.copyOf(evidence);
    data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public static Outcome pass(String message) {
    return new Outcome(Status.PASS, message, List.of(), Map.of());
  }

  /** A pass that shows what satisfied it. */
  public static Outcome pass(String message, List<Evidence> evidence) {
    return new Outcome(Status.PASS, message, evidence, Map.of());
  }

  public static Outcome fail(String message, List<Evidence> evidence) {
    return new Outcome(Status.FAIL, message, evidence, Map.of());
  }

  public static Outcome skipped(String reason) {
    return new Outcome(Status.SKIPPED, reason, List.of(), Map.of());
  }

  /** An unknown result that says which fact could not be read and why. */
  public static Outcome unknown(String what, Fact<?> fact) {
    return new Outcome(Status.UNKNOWN, what + ": " + fact.reason(), List.of(), Map.of());
  }

  public static Outcome unknown(String message) {
    return new Outcome(Status.UNKNOWN, message, List.of(), Map.of());
  }

  /** A failure as a warning (what was found does not block); any other outcome as it is. */
  public Outcome asWarning() {
    return status == Status.FAIL ? new Outcome(Status.WARN, message, evidence, data) : this;
  }

  public Outcome withData(Map<String, Object> more) {
    Map<String, Object> merged = new LinkedHashMap<>(data);
    merged.putAll(more);
    return new Outcome(status, message, evidence, merged);
  }
}

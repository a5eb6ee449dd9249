package dev.imageprep.rules.engine;

import dev.imageprep.rules.host.ReadNote;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds what the probes said about how they read a result's data to that result. Every note becomes
 * evidence. A doubtful note (data that may be older than what the system itself would read) turns a
 * pass into {@code unknown}, because a pass judged from stale data could hide a failure; a failure
 * or warning still stands, with the note beside it, because what the stale data shows is evidence
 * enough to act on.
 */
final class ReadNotes {

  /** Evidence kinds of the notes. */
  static final String READ_AS_RECOVERED = "read-recovered";
  static final String READ_AS_STALE = "read-possibly-stale";

  private ReadNotes() {}

  static CheckResult apply(CheckResult r, List<ReadNote> notes) {
    if (notes.isEmpty()) {
      return r;
    }
    List<Evidence> evidence = new ArrayList<>(r.evidence());
    ReadNote doubt = null;
    for (ReadNote n : notes) {
      evidence.add(Evidence.atPath(n.source(), n.doubtful() ? READ_AS_STALE : READ_AS_RECOVERED, n.text()));
      if (n.doubtful() && doubt == null) {
        doubt = n;
      }
    }
    Status status = r.status();
    String message = r.message();
    if (doubt != null && status == Status.PASS) {
      status = Status.UNKNOWN;
      message = doubt.text() + ": the rule would pass on it (" + message + "), but not necessarily on what the system"
          + " would read";
    }
    return new CheckResult(r.id(), r.title(), r.severity(), status, message, evidence, r.data(), r.remediation(),
        r.source(), r.resolvedBy());
  }
}

package dev.imageprep.agent.report;

import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;

/** The one-line renderings of evidence and cleanup steps that the plain-text formats share. */
final class TextLines {

  private TextLines() {}

  /** {@code /etc/ssh/ssh_host_rsa_key:1  openssh private key: … [removed by cleanup ssh-host-keys]} */
  static String evidence(Evidence e) {
    StringBuilder sb = new StringBuilder();
    if (e.path() != null) {
      sb.append(TerminalText.escape(e.path()));
      if (e.line() != null) {
        sb.append(':').append(e.line());
      }
      sb.append("  ");
    }
    sb.append(TerminalText.escape(e.detail()));
    if (e.removedBy() != null) {
      sb.append("  [removed by cleanup ").append(TerminalText.escape(e.removedBy())).append(']');
    }
    return sb.toString();
  }

  /**
   * The status word of the plain-text formats: {@code CLEANUP} for a finding the cleanup removes
   * ({@code resolved-by-cleanup}), the status itself in capitals otherwise.
   */
  static String statusLabel(Status status) {
    return status == Status.RESOLVED_BY_CLEANUP ? "CLEANUP" : status.key().toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * Whether a result's fix is worth printing: for a failure or warning only. A finding the cleanup
   * removes needs no fix, and an unknown's fix is to let the check see (its message says why it could
   * not), not the rule's remedy for a failure.
   */
  static boolean showsFix(CheckResult c) {
    return (c.status() == Status.FAIL || c.status() == Status.WARN) && c.remediation() != null
        && !c.remediation().isBlank();
  }

  /** {@code done     shred    2.5 KiB  /etc/ssh/ssh_host_rsa_key  (reason)} */
  static String step(PlannedStep s) {
    String size = s.bytes() > 0 ? Bytes.human(s.bytes()) : "";
    return String.format(java.util.Locale.ROOT, "%-8s %-16s %-10s %s%s", s.status().key(), s.action().key(), size,
        TerminalText.escape(s.path().toString()), s.reason() == null ? "" : "  (" + TerminalText.escape(s.reason()) + ")");
  }
}

package dev.imageprep.agent.report;

import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.Evidence;

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

  /** {@code done     shred    2.5 KiB  /etc/ssh/ssh_host_rsa_key  (reason)} */
  static String step(PlannedStep s) {
    String size = s.bytes() > 0 ? Bytes.human(s.bytes()) : "";
    return String.format(java.util.Locale.ROOT, "%-8s %-16s %-10s %s%s", s.status().key(), s.action().key(), size,
        TerminalText.escape(s.path().toString()), s.reason() == null ? "" : "  (" + TerminalText.escape(s.reason()) + ")");
  }
}

package dev.imageprep.agent.secrets;

import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts every check result's text through the secret scanner's detectors and redaction before any
 * report sees it. Rules of every type quote the image's files (a {@code config-values} setting, a
 * {@code file-matches} line): wherever a detector finds a secret, the text from the value to the end
 * of its line is replaced by the redacted preview the scanner itself would print.
 */
public final class EvidenceRedactor {

  private DetectorSet detectors; // compiled on first use: most runs have nothing to redact at all

  /** The result with its message and evidence redacted. */
  public CheckResult redact(CheckResult r) {
    List<Evidence> evidence = new ArrayList<>();
    for (Evidence e : r.evidence()) {
      evidence.add(new Evidence(e.path(), e.line(), e.kind(), redact(e.path(), e.detail()), e.removedBy()));
    }
    return new CheckResult(r.id(), r.title(), r.severity(), r.status(), redact(null, r.message()), evidence, r.data(),
        r.remediation(), r.source(), r.resolvedBy());
  }

  /**
   * @param path the file the text comes from, for detectors limited to some files; null if none
   * @return the text with each secret, and the rest of its line, replaced by a redacted preview
   */
  public String redact(String path, String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    if (detectors == null) {
      detectors = DetectorSet.builtIn();
    }
    String where = path != null && path.startsWith("/") ? path : "/evidence";
    FileText file = FileText.of(where, text);
    Findings out = detectors.newFindings();
    try {
      detectors.detect(file, out);
    } catch (ScanBudget.Exceeded | DetectorSet.Overflow e) {
      // what could not be searched for secrets is not printed: fail closed
      return "**** (" + text.length() + " chars withheld: the secret scan could not finish on them)";
    }
    if (out.isEmpty()) {
      return text;
    }
    TreeMap<Integer, Findings.ValueStart> starts = new TreeMap<>(); // by line start: the line's first secret
    for (Findings.ValueStart v : out.valueStarts()) {
      starts.merge(file.lineStart(v.offset()), v, (a, b) -> a.offset() <= b.offset() ? a : b);
    }
    byte[] data = file.data();
    ByteArrayOutputStream redacted = new ByteArrayOutputStream(data.length);
    int at = 0;
    for (Findings.ValueStart v : starts.values()) {
      redacted.write(data, at, v.offset() - at);
      redacted.writeBytes(v.preview().getBytes(StandardCharsets.UTF_8));
      at = file.lineEnd(v.offset());
    }
    redacted.write(data, at, file.length() - at);
    return redacted.toString(StandardCharsets.UTF_8);
  }
}

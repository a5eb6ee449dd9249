package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings of one file while it is scanned: offsets and redacted previews, turned into line
 * numbers once at the end, with duplicates dropped and generic findings giving way to specific ones
 * on the same line (gitleaks does the same with its generic rule).
 */
final class Findings {

  private record Raw(DetectorKind kind, int offset, String preview, boolean generic) {}

  private final List<Raw> raw = new ArrayList<>();
  private final Set<String> disabled;

  Findings(Set<String> disabled) {
    this.disabled = disabled;
  }

  /** A finding at a byte offset; the preview must already be redacted. */
  void add(DetectorKind kind, int offset, String preview, boolean generic) {
    if (!disabled.contains(kind.id())) {
      raw.add(new Raw(kind, offset, preview, generic));
    }
  }

  /** A finding about the whole file (line 0). */
  void addFile(DetectorKind kind, String preview) {
    add(kind, -1, preview, false);
  }

  boolean isEmpty() {
    return raw.isEmpty();
  }

  /** Where a found value starts (a byte offset) and its redacted preview. */
  record ValueStart(int offset, String preview) {}

  /** Every finding's start, generic or not and before de-duplication: for redacting text in place. */
  List<ValueStart> valueStarts() {
    return raw.stream().filter(r -> r.offset() >= 0).map(r -> new ValueStart(r.offset(), r.preview())).toList();
  }

  List<SecretFinding> finish(ImagePath path, FileText text) {
    raw.sort(Comparator.comparingInt(Raw::offset));
    List<SecretFinding> lines = new ArrayList<>();
    List<Boolean> generic = new ArrayList<>();
    int line = 1;
    int at = 0;
    for (Raw r : raw) {
      int number = 0;
      if (r.offset() >= 0) {
        line += text.newlines(at, r.offset());
        at = r.offset();
        number = line;
      }
      lines.add(new SecretFinding(path, number, r.kind().id(), r.kind().severity(), r.kind().title(), r.preview()));
      generic.add(r.generic());
    }
    Set<Integer> specificLines = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!generic.get(i)) {
        specificLines.add(lines.get(i).line());
      }
    }
    List<SecretFinding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      SecretFinding f = lines.get(i);
      if (generic.get(i) && specificLines.contains(f.line())) {
        continue;
      }
      if (seen.add(f.line() + " " + f.detector())) {
        out.add(f);
      }
    }
    return out;
  }
}

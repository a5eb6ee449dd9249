package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The findings of one file while it is scanned: offsets, redacted previews and the values (kept only
 * until the file is done, to fingerprint them), turned into line numbers once at the end, with
 * duplicates dropped and generic findings giving way to specific ones on the same line (gitleaks
 * does the same with its generic rule).
 */
final class Findings {

  private record Raw(DetectorKind kind, int offset, String preview, String value, boolean generic) {}

  /** A finding and the value-free fingerprint of what it found (null without a baseline). */
  record Found(SecretFinding finding, String fingerprint) {}

  private final List<Raw> raw = new ArrayList<>();
  private final Set<String> disabled;

  Findings(Set<String> disabled) {
    this.disabled = disabled;
  }

  /**
   * A finding at a byte offset.
   *
   * @param preview already redacted
   * @param value what was found, for the fingerprint only; never printed
   */
  void add(DetectorKind kind, int offset, String preview, String value, boolean generic) {
    if (!disabled.contains(kind.id())) {
      raw.add(new Raw(kind, offset, preview, value, generic));
    }
  }

  /** A finding about the whole file (line 0); {@code value} stands for its content. */
  void addFile(DetectorKind kind, String preview, String value) {
    add(kind, -1, preview, value, false);
  }

  /** A stand-in value for binary content: its SHA-256. */
  static String digest(byte[] b, int n) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(b, n)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
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


  /** The findings without their fingerprints. */
  List<SecretFinding> finish(ImagePath path, FileText text) {
    return finish(path, text, null).stream().map(Found::finding).toList();
  }

  /** @param baseline whose salt fingerprints the values, or null for none */
  List<Found> finish(ImagePath path, FileText text, SecretBaseline baseline) {
    raw.sort(Comparator.comparingInt(Raw::offset));
    List<SecretFinding> lines = new ArrayList<>();
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
    }
    Set<Integer> specificLines = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!raw.get(i).generic()) {
        specificLines.add(lines.get(i).line());
      }
    }
    List<Found> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      SecretFinding f = lines.get(i);
      if (raw.get(i).generic() && specificLines.contains(f.line())) {
        continue;
      }
      if (seen.add(f.line() + " " + f.detector())) {
        String value = raw.get(i).value() == null ? "" : raw.get(i).value();
        out.add(new Found(f, baseline == null ? null : baseline.fingerprint(path.toString(), f.detector(), value)));
      }
    }
    raw.clear();
    return out;
  }
}

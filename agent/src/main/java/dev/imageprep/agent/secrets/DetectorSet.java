package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretDetectorSpec;
import dev.imageprep.rules.host.SecretFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The detectors of one scan, compiled once: every keyword of every detector in one {@link
 * KeywordMatcher}, and for each keyword the detectors that want to look where it occurs. Scanning a
 * file is one keyword pass, then the detectors at their hits only.
 */
final class DetectorSet {

  private final List<Detector> detectors;
  private final List<FileInspector> inspectors;
  private final List<Detector> keywordless = new ArrayList<>();
  private final KeywordMatcher matcher;
  private final int[][] detectorsByKeyword;
  private final Set<String> disabled;
  private final Map<String, DetectorKind> kinds = new LinkedHashMap<>();

  DetectorSet(List<Detector> detectors, List<FileInspector> inspectors, Set<String> disabled) {
    this.detectors = List.copyOf(detectors);
    this.inspectors = List.copyOf(inspectors);
    this.disabled = Set.copyOf(disabled);
    detectors.forEach(d -> d.kinds().forEach(k -> kinds.putIfAbsent(k.id(), k)));
    inspectors.forEach(d -> d.kinds().forEach(k -> kinds.putIfAbsent(k.id(), k)));
    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    for (int i = 0; i < this.detectors.size(); i++) {
      Detector d = this.detectors.get(i);
      if (d.keywords().isEmpty()) {
        keywordless.add(d);
      }
      for (String k : new LinkedHashSet<>(d.keywords())) {
        byKeyword.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(i);
      }
    }
    this.matcher = new KeywordMatcher(List.copyOf(byKeyword.keySet()));
    this.detectorsByKeyword = byKeyword.values().stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  /** The built-in detectors. */
  static DetectorSet builtIn() {
    return new DetectorSet(BuiltInDetectors.detectors(), BuiltInDetectors.inspectors(), Set.of());
  }

  /**
   * The built-ins, minus the disabled ones, plus a rule file's detectors (which replace built-ins
   * of the same id).
   *
   * @throws IllegalArgumentException for a disabled id that no built-in detector has
   */
  static DetectorSet of(List<SecretDetectorSpec> custom, List<String> disable) {
    return of(custom, disable, List.of());
  }

  /** As {@link #of(List, List)}, plus detectors from a gitleaks rule file ({@code --secret-rules}). */
  static DetectorSet of(List<SecretDetectorSpec> custom, List<String> disable, List<Detector> extra) {
    DetectorSet builtIn = builtIn();
    Set<String> unknown = new TreeSet<>(disable);
    unknown.removeAll(builtIn.kinds.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("disable-detectors names unknown detector(s) " + String.join(", ", unknown)
          + " (built-in: " + String.join(", ", builtIn.kinds.keySet()) + ")");
    }
    Set<String> off = new HashSet<>(disable);
    List<Detector> detectors = new ArrayList<>();
    for (SecretDetectorSpec spec : custom) {
      off.add(spec.id());
      detectors.add(CustomDetectors.compile(spec));
    }
    for (Detector d : builtIn.detectors) {
      if (!d.kinds().stream().allMatch(k -> off.contains(k.id()))) {
        detectors.add(d);
      }
    }
    detectors.addAll(extra);
    Set<String> customIds = new HashSet<>();
    custom.forEach(s -> customIds.add(s.id()));
    off.removeAll(customIds); // a replacing detector reports under the id it replaces
    return new DetectorSet(detectors, builtIn.inspectors, off);
  }

  /** Every kind of finding this set can report. */
  List<DetectorKind> kinds() {
    return List.copyOf(kinds.values());
  }

  /** Runs the file inspectors on a file's name and first bytes. */
  void inspect(String imagePath, byte[] head, int n, boolean binary, Findings out) {
    for (FileInspector i : inspectors) {
      i.inspect(imagePath, head, n, binary, out);
    }
  }

  /** True when an inspector needs the whole of a binary file to judge it. */
  boolean wantsWholeFile(byte[] head, int n) {
    return inspectors.stream().anyMatch(i -> i.wantsWholeFile(head, n));
  }

  Findings newFindings() {
    return new Findings(disabled);
  }

  /** Scans one text file: the keyword pass, then each detector at its keywords. */
  List<SecretFinding> scan(ImagePath path, FileText text, Findings out) {
    detect(text, out);
    return out.finish(path, text);
  }

  /** The keyword pass over one text file, then each detector at its keywords; findings go to {@code out}. */
  void detect(FileText text, Findings out) {
    String p = text.path();
    boolean[] allowed = new boolean[detectors.size()];
    for (int i = 0; i < allowed.length; i++) {
      allowed[i] = detectors.get(i).paths().allows(p);
    }
    for (Detector d : keywordless) {
      if (d.paths().allows(p)) {
        contained(d, () -> d.scan(text, 0, 0, out));
      }
    }
    int[] covered = new int[detectors.size()];
    matcher.scan(text.data(), text.length(), (keyword, start, end) -> {
      for (int i : detectorsByKeyword[keyword]) {
        if (allowed[i] && start >= covered[i]) {
          Detector d = detectors.get(i);
          covered[i] = Math.max(end, contained(d, () -> d.scan(text, start, end, out)));
        }
      }
    });
  }

  /** A detector that could not finish on a file; the file is then reported as not fully scanned. */
  static final class Overflow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Overflow(String detector) {
      super(detector, null, false, false);
    }

    String detector() {
      return getMessage();
    }
  }

  /**
   * Runs one detector on one file. java.util.regex recurses once per repetition of some groups, so a
   * rule file's pattern can overflow the stack on a long line; that ends this file's scan, not the
   * whole scan (the stack is unwound by then, and the error says nothing about the other files).
   */
  private static int contained(Detector d, java.util.function.IntSupplier scan) {
    try {
      return scan.getAsInt();
    } catch (StackOverflowError e) {
      throw new Overflow(d.kinds().get(0).id());
    }
  }
}

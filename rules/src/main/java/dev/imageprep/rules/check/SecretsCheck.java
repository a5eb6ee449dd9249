package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretDetectorSpec;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.host.SkippedFile;
import dev.imageprep.rules.model.Evidence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * No private keys, credentials or passwords are left in the parts of the filesystem that end up in
 * the image. Findings name file, line and detector with a redacted preview, never the value. Files
 * the scan could not read make a clean scan {@code unknown}, not a pass; binaries and files over
 * the size limit are skipped by design and listed.
 */
public final class SecretsCheck extends CheckTypeBase<SecretsCheck.Params> {

  /** Files above this size are skipped (and reported) unless the rule says otherwise. */
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** The scanner holds a whole file per reading thread; this keeps its memory bounded. */
  public static final long LIMIT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  /** How many skipped files the report lists by name (all are counted). */
  static final int SKIPPED_LISTED = 50;

  /**
   * @param include directories the scan walks
   * @param exclude glob patterns of paths left out (package documentation, caches)
   * @param maxFileBytes larger files are skipped and listed as skipped
   * @param detectors detectors this rule adds; one with a built-in id replaces the built-in
   * @param disableDetectors ids of built-in detectors this rule does not run
   * @param fixtures globs of toolchain test folders and package caches: their findings are warnings
   *     ("looks like a public test fixture"), never under /etc or in a .ssh folder
   */
  public record Params(List<String> include, List<String> exclude, Long maxFileBytes,
      List<SecretDetectorSpec> detectors, List<String> disableDetectors, List<String> fixtures) {
    public Params {
      fixtures = fixtures == null ? List.of() : List.copyOf(fixtures);
      include = include == null ? List.of() : List.copyOf(include);
      exclude = exclude == null ? List.of() : List.copyOf(exclude);
      maxFileBytes = maxFileBytes == null ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
      detectors = detectors == null ? List.of() : List.copyOf(detectors);
      disableDetectors = disableDetectors == null ? List.of() : List.copyOf(disableDetectors);
    }
  }

  public SecretsCheck() {
    super("secrets", "No private keys, cloud credentials or passwords in the captured filesystem", Params.class);
  }

  @Override
  public boolean resolvableByCleanup() {
    return true;
  }

  @Override
  public void validate(Params p) {
    if (p.include().isEmpty()) {
      throw new IllegalArgumentException("include must name at least one directory");
    }
    p.include().forEach(ImagePath::of);
    for (String e : p.exclude()) {
      if (!e.startsWith("/") && !e.startsWith("**/")) {
        throw new IllegalArgumentException("exclude patterns are absolute image paths or start with **/: " + e);
      }
    }
    for (String f : p.fixtures()) {
      if (!f.startsWith("/") && !f.startsWith("**/")) {
        throw new IllegalArgumentException("fixtures patterns are absolute image paths or start with **/: " + f);
      }
    }
    if (p.maxFileBytes() <= 0 || p.maxFileBytes() > LIMIT_MAX_FILE_BYTES) {
      throw new IllegalArgumentException("max-file-bytes must be between 1 and " + LIMIT_MAX_FILE_BYTES);
    }
    Set<String> ids = new HashSet<>();
    for (SecretDetectorSpec d : p.detectors()) {
      if (!ids.add(d.id())) {
        throw new IllegalArgumentException("detector id '" + d.id() + "' is defined twice");
      }
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    List<ImagePath> include = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (String dir : p.include()) {
      ImagePath path = ImagePath.of(dir);
      if (context.userVolumes().stream().anyMatch(v -> v.contains(path))) {
        leftOut.add(dir);
      } else {
        include.add(path);
      }
    }
    List<String> exclude = new ArrayList<>(p.exclude());
    for (ImagePath volume : context.userVolumes()) {
      exclude.add(volume + "/**");
    }
    Fact<SecretScan> fact = context.host().secrets().scan(new ScanScope(include, exclude, p.maxFileBytes(),
        p.detectors(), p.disableDetectors(), p.fixtures()));
    if (!fact.isKnown()) {
      return Outcome.unknown("the secret scan could not run", fact);
    }
    SecretScan scan = fact.value();
    Map<String, Object> data = data(scan, leftOut);
    Judgement judgement = new Judgement().data(data(scan, leftOut));
    for (SecretFinding f : scan.findings()) {
      Evidence line = new Evidence(f.path().toString(), f.line() > 0 ? f.line() : null, f.detector(),
          f.title() + (f.preview() == null || f.preview().isEmpty() ? "" : ": " + f.preview()), null);
      // informational findings (key-like values in unchanged package files) leave a clean scan clean
      if (f.severity() == Severity.INFO) {
        judgement.saw(line);
      } else {
        judgement.found(line);
      }
    }
    // listed in every result, a failure's too: a cleanup that removes what was found has not removed these
    List<SkippedFile> blind = scan.skipped().stream().filter(s -> s.cause().isBlindSpot()).toList();
    blind.stream().limit(SKIPPED_LISTED).forEach(s -> judgement.unseen(s.path().toString(),
        Evidence.atPath(s.path().toString(), "not-scanned", s.reason())));
    if (blind.size() > SKIPPED_LISTED) {
      judgement.unseen((blind.size() - SKIPPED_LISTED) + " more file(s) could not be scanned");
    }
    long files = scan.findings().stream().map(SecretFinding::path).distinct().count();
    String info = scan.findings().isEmpty() ? "" : "; " + scan.findings().size() + " informational finding(s) in "
        + files + " file(s)";
    Outcome outcome = judgement.toOutcome(
        found -> scan.findings().size() + " secret(s) in " + files + " file(s)" + skippedNote(scan),
        unseen -> "no secrets in " + scan.filesScanned() + " files, but " + blind.size()
            + " file(s) could not be scanned" + info + skippedNote(scan),
        () -> "no secrets in " + scan.filesScanned() + " files (" + Bytes.human(scan.bytesScanned()) + ")" + info
            + skippedNote(scan));
    boolean anyError = scan.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    return anyError ? outcome : outcome.asWarning();
  }

  private static Map<String, Object> data(SecretScan scan, List<String> leftOut) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("filesScanned", scan.filesScanned());
    data.put("bytesScanned", scan.bytesScanned());
    data.put("findings", scan.findings().size());
    data.put("skippedFiles", scan.skipped().size());
    if (scan.acceptedByBaseline() > 0) {
      data.put("acceptedByBaseline", scan.acceptedByBaseline());
    }
    if (!scan.skipped().isEmpty()) {
      data.put("skippedByCause", skippedByCause(scan));
      List<Map<String, String>> listed = new ArrayList<>();
      // blind spots first: they are the ones a reader must act on
      List<SkippedFile> ordered = new ArrayList<>(scan.skipped());
      ordered.sort((a, b) -> Boolean.compare(b.cause().isBlindSpot(), a.cause().isBlindSpot()));
      for (SkippedFile s : ordered.subList(0, Math.min(SKIPPED_LISTED, ordered.size()))) {
        Map<String, String> entry = new LinkedHashMap<>(); // Map.of's order would change from run to run
        entry.put("path", s.path().toString());
        entry.put("cause", s.cause().key());
        entry.put("reason", s.reason());
        listed.add(entry);
      }
      data.put("skipped", listed);
    }
    if (!leftOut.isEmpty()) {
      data.put("notInImage", leftOut);
    }
    return data;
  }

  private static Map<String, Integer> skippedByCause(SecretScan scan) {
    Map<String, Integer> counts = new TreeMap<>();
    for (SkippedFile s : scan.skipped()) {
      counts.merge(s.cause().key(), 1, Integer::sum);
    }
    return counts;
  }

  private static String skippedNote(SecretScan scan) {
    String accepted = scan.acceptedByBaseline() == 0 ? ""
        : "; " + scan.acceptedByBaseline() + " accepted by the baseline";
    if (scan.skipped().isEmpty()) {
      return accepted;
    }
    List<String> parts = new ArrayList<>();
    skippedByCause(scan).forEach((cause, n) -> parts.add(n + " " + cause));
    return accepted + "; skipped " + String.join(", ", parts) + " (listed in data)";
  }
}

package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.SkippedFile;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Severity;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * No private keys, credentials or passwords are left in the parts of the filesystem that end up in
 * the image. Findings name file, line and detector with a redacted preview, never the value.
 */
public final class SecretsCheck implements CheckType<SecretsCheck.Params> {

  /** Files above this size are skipped (and reported) unless the rule says otherwise. */
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

  /**
   * @param include directories the scan walks
   * @param exclude glob patterns of paths left out (package documentation, caches)
   * @param maxFileBytes larger files are skipped and listed as skipped
   */
  public record Params(List<String> include, List<String> exclude, Long maxFileBytes) {
    public Params {
      include = include == null ? List.of() : List.copyOf(include);
      exclude = exclude == null ? List.of() : List.copyOf(exclude);
      maxFileBytes = maxFileBytes == null ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
    }
  }

  @Override
  public String key() {
    return "secrets";
  }

  @Override
  public String summary() {
    return "No private keys, cloud credentials or passwords in the captured filesystem";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
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
      if (!e.startsWith("/")) {
        throw new IllegalArgumentException("exclude patterns are absolute image paths: " + e);
      }
    }
    if (p.maxFileBytes() <= 0) {
      throw new IllegalArgumentException("max-file-bytes must be positive");
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
    Fact<SecretScan> fact = context.host().secrets().scan(new ScanScope(include, exclude, p.maxFileBytes()));
    if (!fact.isKnown()) {
      return Outcome.unknown("the secret scan could not run", fact);
    }
    SecretScan scan = fact.value();
    List<Evidence> evidence = new ArrayList<>();
    boolean anyError = false;
    for (SecretFinding f : scan.findings()) {
      anyError |= f.severity() == Severity.ERROR;
      evidence.add(new Evidence(f.path().toString(), f.line() > 0 ? f.line() : null, f.detector(),
          f.title() + (f.preview() == null || f.preview().isEmpty() ? "" : ": " + f.preview()), null));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("filesScanned", scan.filesScanned());
    data.put("bytesScanned", scan.bytesScanned());
    data.put("findings", scan.findings().size());
    data.put("skippedFiles", scan.skipped().size());
    List<Map<String, String>> skipped = new ArrayList<>();
    for (SkippedFile s : scan.skipped().subList(0, Math.min(50, scan.skipped().size()))) {
      skipped.add(Map.of("path", s.path().toString(), "reason", s.reason()));
    }
    if (!skipped.isEmpty()) {
      data.put("skipped", skipped);
    }
    if (!leftOut.isEmpty()) {
      data.put("notInImage", leftOut);
    }
    if (scan.findings().isEmpty()) {
      return new Outcome(Status.PASS, "no secrets in " + scan.filesScanned() + " files ("
          + Bytes.human(scan.bytesScanned()) + ")" + (scan.skipped().isEmpty() ? ""
          : "; " + scan.skipped().size() + " files skipped (listed in data)"), List.of(), data);
    }
    long files = scan.findings().stream().map(SecretFinding::path).distinct().count();
    String message = scan.findings().size() + " secret(s) in " + files + " file(s)";
    return new Outcome(anyError ? Status.FAIL : Status.WARN, message, evidence, data);
  }
}

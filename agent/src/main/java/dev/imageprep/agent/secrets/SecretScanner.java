package dev.imageprep.agent.secrets;

import dev.imageprep.agent.probe.common.EntryKind;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.common.TreeWalk;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.SecretsProbe;
import dev.imageprep.rules.host.SkippedFile;
import dev.imageprep.rules.host.SkippedFile.Cause;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Walks the parts of the image a scope names and scans every regular file in parallel. It never
 * follows a symlink (the walk reports links as links, files are opened with {@code O_NOFOLLOW}),
 * starts only from directories resolved inside the root, and reports every file it does not scan
 * (binary, too large, special, unreadable, over the regex budget) as skipped.
 */
public final class SecretScanner implements SecretsProbe {

  private final RootedFiles files;
  private final int threads;
  private final Progress progress;
  private final SecretScanSettings settings;
  private final Supplier<Fact<PackageFiles>> packages;

  /**
   * @param threads reading threads; the walking thread scans too when they are all busy
   */
  public SecretScanner(RootedFiles files, int threads) {
    this(files, threads, Progress.NONE);
  }

  /** @param progress told of every file read, for a terminal's progress display */
  public SecretScanner(RootedFiles files, int threads, Progress progress) {
    this(files, threads, progress, SecretScanSettings.NONE);
  }

  /**
   * @param settings the run's baseline and extra rules
   * @param packages the image's package file index: findings in files a package installed unchanged
   *     are information only
   */
  public SecretScanner(RootedFiles files, int threads, Progress progress, SecretScanSettings settings,
      Supplier<Fact<PackageFiles>> packages) {
    this.files = files;
    this.threads = Math.max(1, threads);
    this.progress = progress;
    this.settings = settings;
    this.packages = packages;
  }

  public SecretScanner(RootedFiles files, int threads, Progress progress, SecretScanSettings settings) {
    this(files, threads, progress, settings, () -> Fact.known(PackageFiles.NONE));
  }

  public SecretScanner(RootedFiles files, Progress progress, SecretScanSettings settings,
      Supplier<Fact<PackageFiles>> packages) {
    this(files, defaultThreads(), progress, settings, packages);
  }

  public SecretScanner(RootedFiles files) {
    this(files, defaultThreads());
  }

  public SecretScanner(RootedFiles files, Progress progress) {
    this(files, defaultThreads(), progress);
  }

  /** One per core, at least two: reading overlaps with scanning even on one core. */
  static int defaultThreads() {
    return Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  @Override
  public Fact<SecretScan> scan(ScanScope scope) {
    try (Progress.Task task = progress.begin("scanning for secrets", 0)) {
      return scan(scope, task);
    }
  }

  private Fact<SecretScan> scan(ScanScope scope, Progress.Task task) {
    DetectorSet detectors;
    try {
      detectors = DetectorSet.of(scope.detectors(), scope.disabledDetectors(), settings.extraDetectors());
    } catch (IllegalArgumentException e) {
      return Fact.unknown(e.getMessage());
    }
    PathPatterns exclude = new PathPatterns(scope.exclude());
    Results results = new Results(settings, new Provenance(packages, scope.fixtures()));
    List<Path> starts = new ArrayList<>();
    for (ImagePath include : scope.include()) {
      Fact<ImagePath> real = files.resolve(include);
      if (!real.isKnown()) {
        results.skip(include, Cause.UNREADABLE, real.reason());
      } else if (!exclude.matches(real.value().toString())) {
        starts.add(files.hostPath(real.value()));
      }
    }
    FileScanner scanner = new FileScanner(detectors, scope.maxFileBytes(), settings.fingerprints());
    ThreadPoolExecutor pool = newPool();
    List<Future<?>> pending = new ArrayList<>();
    try {
      for (Path start : pruneNested(starts)) {
        walk(start, exclude, scope.maxFileBytes(), results, file -> pending.add(pool.submit(() -> {
          results.add(scanner.scan(file.host(), file.image(), file.size()));
          synchronized (task) { // the reading threads report one by one
            task.advance(1, file.image().toString());
          }
        })));
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (IOException e) {
      return Fact.unknown("secret scan failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Fact.unknown("secret scan interrupted");
    } catch (ExecutionException e) {
      return Fact.unknown("secret scan failed: " + e.getCause().getClass().getSimpleName());
    } finally {
      pool.shutdownNow();
    }
    settings.recordScan(results.entries());
    return Fact.known(results.toScan());
  }

  private ThreadPoolExecutor newPool() {
    AtomicInteger n = new AtomicInteger();
    // a bounded queue, and the walker scans itself when it is full: memory stays flat on huge trees
    return new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 64), r -> {
      Thread t = new Thread(r, "imageprep-secrets-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** A regular file the walk found, to be scanned. */
  record Candidate(Path host, ImagePath image, long size) {}

  /**
   * Walks by hand ({@link TreeWalk}), so a Windows junction is never opened: its target is scanned
   * where it lives, if in scope. A cloud placeholder is never read (that would download it): it is a
   * blind spot.
   */
  private void walk(Path start, PathPatterns exclude, long maxBytes, Results results,
      java.util.function.Consumer<Candidate> scan) throws IOException {
    BasicFileAttributes top;
    try {
      top = files.entries().read(start);
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException e) {
      files.imagePath(start).ifPresent(p -> results.skip(p, Cause.UNREADABLE, RootedFiles.describe(e, p)));
      return;
    }
    new TreeWalk(files.entries()).walk(start, top, new TreeWalk.Visitor() {
      @Override
      public boolean enter(Path dir, BasicFileAttributes attrs) {
        ImagePath image = files.imagePath(dir).orElse(null);
        return image != null && !exclude.matches(image.toString());
      }

      @Override
      public void visit(Path file, BasicFileAttributes attrs) {
        ImagePath image = files.imagePath(file).orElse(null);
        if (image == null || exclude.matches(image.toString())) {
          return;
        }
        switch (EntryKind.of(attrs)) {
          case LINK -> { } // a link's target is scanned where it lives, if in scope
          case PLACEHOLDER -> results.skip(image, Cause.UNREADABLE, "its data is not on this machine (a cloud"
              + " placeholder or offline file); reading it would download it, so it was not read");
          case REGULAR -> {
            if (attrs.size() > maxBytes) {
              results.skip(image, Cause.TOO_LARGE, "larger than " + maxBytes + " bytes (" + attrs.size() + ")");
            } else if (attrs.size() > 0) {
              scan.accept(new Candidate(file, image, attrs.size()));
            }
          }
          default -> results.skip(image, Cause.SPECIAL, "not a regular file");
        }
      }

      @Override
      public void failed(Path file, IOException e) {
        files.imagePath(file).ifPresent(p -> results.skip(p, Cause.UNREADABLE, RootedFiles.describe(e, p)));
      }
    });
  }

  private static List<Path> pruneNested(List<Path> starts) {
    Set<Path> unique = new LinkedHashSet<>(starts);
    List<Path> out = new ArrayList<>();
    for (Path p : unique) {
      if (unique.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q))) {
        out.add(p);
      }
    }
    return out;
  }

  /** What the threads found, gathered under one lock and sorted at the end. */
  private static final class Results {
    private final List<SecretFinding> findings = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final List<SecretBaseline.Entry> entries = new ArrayList<>();
    private final SecretScanSettings settings;
    private final Provenance provenance;
    private long files;
    private long bytes;
    private long accepted;

    Results(SecretScanSettings settings, Provenance provenance) {
      this.settings = settings;
      this.provenance = provenance;
    }

    void add(FileScanner.Result r) {
      // where the file comes from (a package, a toolchain's tests) is judged outside the lock
      List<SecretFinding> judged = r.findings().isEmpty() ? List.of() : provenance.judge(r.findings().get(0)
          .finding().path(), r.findings().stream().map(Findings.Found::finding).toList());
      record(r, judged);
    }

    private synchronized void record(FileScanner.Result r, List<SecretFinding> judged) {
      for (int i = 0; i < r.findings().size(); i++) {
        Findings.Found f = new Findings.Found(judged.get(i), r.findings().get(i).fingerprint());
        SecretFinding s = f.finding();
        if (f.fingerprint() != null) {
          entries.add(new SecretBaseline.Entry(f.fingerprint(), s.path().toString(), s.detector(), s.line()));
        }
        if (settings.accepts(f.fingerprint())) {
          accepted++; // reviewed and accepted in the baseline: only new findings count
        } else {
          findings.add(s);
        }
      }
      if (r.skipped() != null) {
        skipped.add(r.skipped());
      } else {
        files++;
        bytes += r.bytes();
      }
    }

    synchronized void skip(ImagePath path, Cause cause, String reason) {
      skipped.add(new SkippedFile(path, cause, reason));
    }

    synchronized List<SecretBaseline.Entry> entries() {
      return List.copyOf(entries);
    }

    synchronized SecretScan toScan() {
      findings.sort(Comparator.comparing(SecretFinding::path).thenComparingInt(SecretFinding::line)
          .thenComparing(SecretFinding::detector));
      skipped.sort(Comparator.comparing(SkippedFile::path));
      return new SecretScan(findings, skipped, files, bytes, accepted);
    }
  }
}

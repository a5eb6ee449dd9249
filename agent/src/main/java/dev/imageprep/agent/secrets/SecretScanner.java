package dev.imageprep.agent.secrets;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.SecretsProbe;
import dev.imageprep.rules.host.SkippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the parts of the image a scope names, without following symlinks and without leaving the
 * root, and runs the detectors over every text file. Binaries, special files and files over the size
 * limit are counted as skipped, never silently dropped.
 */
public final class SecretScanner implements SecretsProbe {

  private static final int SNIFF_BYTES = 8192;

  private final RootedFiles files;
  private final List<Detector> detectors;
  private final Progress progress;

  public SecretScanner(RootedFiles files, List<Detector> detectors) {
    this(files, detectors, Progress.NONE);
  }

  /** @param progress told of every file read, for a terminal's progress display */
  public SecretScanner(RootedFiles files, List<Detector> detectors, Progress progress) {
    this.files = files;
    this.detectors = List.copyOf(detectors);
    this.progress = progress;
  }

  /** The detectors of the first version: private keys and AWS credentials. */
  public static List<Detector> defaultDetectors() {
    return List.of(new PrivateKeyDetector(), new AwsCredentialDetector());
  }

  @Override
  public Fact<SecretScan> scan(ScanScope scope) {
    try (Progress.Task task = progress.begin("scanning for secrets", 0)) {
      return scan(scope, task);
    }
  }

  private Fact<SecretScan> scan(ScanScope scope, Progress.Task task) {
    ExcludeFilter exclude = new ExcludeFilter(scope.exclude());
    List<SecretFinding> findings = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    long[] counts = {0, 0};
    Set<Path> starts = new LinkedHashSet<>();
    for (ImagePath include : scope.include()) {
      Fact<ImagePath> real = files.resolve(include);
      if (!real.isKnown()) {
        skipped.add(new SkippedFile(include, real.reason()));
        continue;
      }
      starts.add(files.hostPath(real.value()));
    }
    for (Path start : pruneNested(starts)) {
      if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            ImagePath image = files.imagePath(dir).orElse(null);
            return image == null || exclude.excludes(image.toString()) ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            ImagePath image = files.imagePath(file).orElse(null);
            if (image == null || exclude.excludes(image.toString()) || attrs.isSymbolicLink()) {
              return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile()) {
              skipped.add(new SkippedFile(image, "not a regular file"));
            } else if (attrs.size() > scope.maxFileBytes()) {
              skipped.add(new SkippedFile(image, "larger than " + scope.maxFileBytes() + " bytes"));
            } else {
              scanFile(file, image, attrs.size(), findings, skipped, counts);
              task.advance(1, image.toString());
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            files.imagePath(file).ifPresent(p -> skipped.add(new SkippedFile(p, RootedFiles.describe(e, p))));
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        return Fact.unknown("secret scan failed: " + e.getMessage());
      }
    }
    return Fact.known(new SecretScan(findings, skipped, counts[0], counts[1]));
  }

  private void scanFile(Path file, ImagePath image, long size, List<SecretFinding> findings,
      List<SkippedFile> skipped, long[] counts) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      byte[] head = in.readNBytes((int) Math.min(size, SNIFF_BYTES));
      if (isBinary(head)) {
        skipped.add(new SkippedFile(image, "binary"));
        return;
      }
      byte[] rest = in.readNBytes((int) Math.min(size - head.length, Integer.MAX_VALUE - 8 - SNIFF_BYTES));
      bytes = new byte[head.length + rest.length];
      System.arraycopy(head, 0, bytes, 0, head.length);
      System.arraycopy(rest, 0, bytes, head.length, rest.length);
    } catch (IOException e) {
      skipped.add(new SkippedFile(image, RootedFiles.describe(e, image)));
      return;
    }
    counts[0]++;
    counts[1] += bytes.length;
    String text = new String(bytes, StandardCharsets.UTF_8);
    for (Detector d : detectors) {
      findings.addAll(d.scan(image, text));
    }
  }

  static boolean isBinary(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static List<Path> pruneNested(Set<Path> starts) {
    List<Path> out = new ArrayList<>();
    for (Path p : starts) {
      boolean nested = false;
      for (Path q : starts) {
        if (!p.equals(q) && p.startsWith(q)) {
          nested = true;
        }
      }
      if (!nested) {
        out.add(p);
      }
    }
    return out;
  }
}

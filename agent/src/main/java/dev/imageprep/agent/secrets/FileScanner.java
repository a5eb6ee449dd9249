package dev.imageprep.agent.secrets;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SkippedFile;
import dev.imageprep.rules.host.SkippedFile.Cause;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * Reads and scans one file: opened without following a symlink, sniffed for binary content in its
 * first 8 KiB (a NUL byte, as git and ripgrep decide), then scanned whole from a buffer each thread
 * reuses, so memory is one file per thread at most.
 */
final class FileScanner {

  static final int SNIFF_BYTES = 8192;

  /** Binary key files (key stores, DER keys) are read whole up to this size; larger ones are not key files. */
  static final long KEY_FILE_BYTES = 1L << 20;

  /** The findings of a file (with their fingerprints), or why it was skipped; {@code bytes} scanned. */
  record Result(List<Findings.Found> findings, SkippedFile skipped, long bytes) {}

  private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[][] {new byte[1 << 16]});

  private final DetectorSet detectors;
  private final long maxBytes;
  private final SecretBaseline fingerprints;

  /** @param fingerprints the baseline whose salt fingerprints findings, or null */
  FileScanner(DetectorSet detectors, long maxBytes, SecretBaseline fingerprints) {
    this.detectors = detectors;
    this.maxBytes = maxBytes;
    this.fingerprints = fingerprints;
  }

  Result scan(Path host, ImagePath image, long size) {
    byte[] buf = buffer((int) Math.min(maxBytes, size) + 1);
    int n;
    try (SeekableByteChannel ch = Files.newByteChannel(host, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      n = read(ch, buf, Math.min(buf.length, SNIFF_BYTES));
      boolean binary = hasNul(buf, n);
      if (binary && n == SNIFF_BYTES && size <= KEY_FILE_BYTES && detectors.wantsWholeFile(buf, n)) {
        n += read(ch, ByteBuffer.wrap(buf, n, (int) Math.min(buf.length, KEY_FILE_BYTES + 1) - n));
      }
      Findings out = detectors.newFindings();
      detectors.inspect(image.toString(), buf, n, binary, out);
      if (binary) {
        List<Findings.Found> found = out.finish(image, new FileText(image.toString(), buf, 0, ScanBudget.forFile(0)),
            fingerprints);
        return new Result(found, new SkippedFile(image, Cause.BINARY, "binary"), 0);
      }
      if (n == SNIFF_BYTES) {
        n += read(ch, ByteBuffer.wrap(buf, n, buf.length - n));
      }
      if (n > maxBytes) {
        return new Result(List.of(), new SkippedFile(image, Cause.TOO_LARGE, "grew past " + maxBytes
            + " bytes while being read"), 0);
      }
      FileText text = new FileText(image.toString(), buf, n, ScanBudget.forFile(n));
      try {
        detectors.detect(text, out);
        return new Result(out.finish(image, text, fingerprints), null, n);
      } catch (ScanBudget.Exceeded e) {
        return new Result(List.of(), new SkippedFile(image, Cause.BUDGET, "a detector's pattern exceeded the"
            + " per-file regex budget (" + (ScanBudget.BASE + ScanBudget.PER_BYTE * n) + " character reads)"), n);
      } catch (DetectorSet.Overflow e) {
        return new Result(List.of(), new SkippedFile(image, Cause.BUDGET, "detector " + e.detector() + "'s pattern"
            + " overflowed the stack on this file (it recurses once per repeated match); not fully scanned"), n);
      }
    } catch (IOException e) {
      return new Result(List.of(), new SkippedFile(image, Cause.UNREADABLE, RootedFiles.describe(e, image)), 0);
    }
  }

  private static byte[] buffer(int needed) {
    byte[][] holder = BUFFER.get();
    if (holder[0].length < needed) {
      holder[0] = new byte[Math.max(needed, holder[0].length * 2)];
    }
    return holder[0];
  }

  private static int read(SeekableByteChannel ch, byte[] buf, int limit) throws IOException {
    return read(ch, ByteBuffer.wrap(buf, 0, limit));
  }

  private static int read(SeekableByteChannel ch, ByteBuffer b) throws IOException {
    int total = 0;
    while (b.hasRemaining()) {
      int r = ch.read(b);
      if (r < 0) {
        break;
      }
      total += r;
    }
    return total;
  }

  static boolean hasNul(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }
}

package dev.imageprep.agent.secrets;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
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

  /** The findings of a file, or why it was skipped; {@code bytes} scanned. */
  record Result(List<SecretFinding> findings, SkippedFile skipped, long bytes) {}

  private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[][] {new byte[1 << 16]});

  private final DetectorSet detectors;
  private final long maxBytes;

  FileScanner(DetectorSet detectors, long maxBytes) {
    this.detectors = detectors;
    this.maxBytes = maxBytes;
  }

  Result scan(Path host, ImagePath image, long size) {
    byte[] buf = buffer((int) Math.min(maxBytes, size) + 1);
    int n;
    try (SeekableByteChannel ch = Files.newByteChannel(host, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      n = read(ch, buf, Math.min(buf.length, SNIFF_BYTES));
      boolean binary = hasNul(buf, n);
      Findings out = detectors.newFindings();
      detectors.inspect(image.toString(), buf, n, binary, out);
      if (binary) {
        List<SecretFinding> found = out.finish(image, new FileText(image.toString(), buf, 0, ScanBudget.forFile(0)));
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
        return new Result(detectors.scan(image, text, out), null, n);
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

package dev.imageprep.agent.cleanup;

import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Overwrites a regular file in place (random passes, then zeros), flushes each pass to disk, cuts it
 * to zero bytes and unlinks it, like GNU {@code shred -zu} but never through a symlink and never on a
 * file with other hard links. Overwriting in place is best effort on journaling and copy-on-write
 * filesystems and on SSDs, whose firmware may keep the old blocks.
 */
public final class ShredAction implements CleanupAction {

  private static final int BUFFER = 64 * 1024;
  private final int randomPasses;

  public ShredAction() {
    this(3);
  }

  /** @param randomPasses random passes before the final zero pass (GNU shred's default is 3) */
  public ShredAction(int randomPasses) {
    this.randomPasses = randomPasses;
  }

  @Override
  public ActionKind kind() {
    return ActionKind.SHRED;
  }

  @Override
  public String apply(PlannedStep step, Target target, BasicFileAttributes attrs, LongConsumer progress)
      throws IOException {
    RegularFiles.requireRegular(attrs);
    long size = attrs.size();
    SplittableRandom random = new SplittableRandom();
    ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    try (SeekableByteChannel ch = target.openForWrite()) {
      for (int pass = 0; pass <= randomPasses; pass++) {
        boolean zeros = pass == randomPasses;
        ch.position(0);
        long left = size;
        while (left > 0) {
          buf.clear();
          int n = (int) Math.min(BUFFER, left);
          if (zeros) {
            java.util.Arrays.fill(buf.array(), 0, n, (byte) 0);
          } else {
            fillRandom(random, buf.array(), n);
          }
          buf.limit(n);
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          left -= n;
          if (zeros) {
            progress.accept(n);
          }
        }
        RegularFiles.force(ch);
      }
      RegularFiles.truncate(ch);
    }
    Optional<BasicFileAttributes> now = target.lstat();
    if (now.isEmpty() || !Objects.equals(now.get().fileKey(), attrs.fileKey())) {
      throw new IOException("the file was replaced while it was being shredded; the new one was not unlinked");
    }
    target.unlink();
    target.syncParent();
    return randomPasses + " random passes and a zero pass, then unlinked";
  }

  private static void fillRandom(SplittableRandom random, byte[] b, int n) {
    int i = 0;
    while (i + 8 <= n) {
      long v = random.nextLong();
      for (int k = 0; k < 8; k++) {
        b[i++] = (byte) (v >>> (8 * k));
      }
    }
    while (i < n) {
      b[i++] = (byte) random.nextInt();
    }
  }
}

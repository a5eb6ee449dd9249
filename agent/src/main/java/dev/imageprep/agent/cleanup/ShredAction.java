package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.linux.handle.DataExtents;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Overwrites a regular file in place (random passes, then zeros), flushes each pass to disk, cuts it
 * to zero bytes and unlinks it, like GNU {@code shred -zu} but never through a symlink, never on a
 * file with other hard links, and only where a sparse file has data. Overwriting in place is best
 * effort on journaling and copy-on-write filesystems and on SSDs, whose firmware may keep the old
 * blocks.
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
    String how;
    try (SeekableByteChannel ch = target.openForWrite()) {
      Regions regions = regions(attrs, size);
      how = regions.how();
      for (int pass = 0; pass <= randomPasses; pass++) {
        boolean zeros = pass == randomPasses;
        for (DataExtents.Extent extent : regions.extents()) {
          ch.position(extent.start());
          long left = extent.length();
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
    return randomPasses + " random passes and a zero pass" + how + ", then unlinked";
  }

  /** What to overwrite, and how the report should say it. */
  private record Regions(List<DataExtents.Extent> extents, String how) {}

  /**
   * The file's data extents: overwriting a hole would allocate it, and a sparse file's logical size
   * can be far larger than the volume (a 1 TiB sparse file on a 16 MiB one). Where the extents cannot
   * be mapped, the whole logical size is overwritten only if the volume has room for it.
   */
  private static Regions regions(BasicFileAttributes attrs, long size) throws IOException {
    Optional<Path> handle = DataExtents.openHandle(attrs.fileKey()); // the channel just opened
    Optional<List<DataExtents.Extent>> mapped = handle.flatMap(h -> DataExtents.of(h, size));
    if (mapped.isPresent()) {
      long allocated = mapped.get().stream().mapToLong(DataExtents.Extent::length).sum();
      return new Regions(mapped.get(), allocated == size ? ""
          : " over the " + allocated + " bytes that hold data in a sparse file of " + size + " bytes (the holes hold"
          + " nothing to overwrite)");
    }
    if (handle.isPresent()) {
      long free = Files.getFileStore(handle.get()).getUsableSpace();
      if (free < size) {
        throw new IOException("refused: the file's data blocks cannot be mapped here, and overwriting all of its "
            + size + " bytes could fill the volume (" + free + " bytes free) if it is sparse; nothing was overwritten");
      }
    }
    return new Regions(List.of(new DataExtents.Extent(0, size)), "");
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

package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.linux.handle.FileHandle;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.attribute.BasicFileAttributes;

/** Shared guard, flush and truncation for the actions that write into a file. */
final class RegularFiles {

  private RegularFiles() {}

  /** Refuses anything but a regular file: writing into a FIFO blocks, into a device destroys it. */
  static void requireRegular(BasicFileAttributes attrs) throws IOException {
    if (!attrs.isRegularFile()) {
      throw new RefusedException("refused: no longer a regular file");
    }
  }

  /** Cuts an open file to zero bytes and flushes it to disk. */
  static void truncate(SeekableByteChannel channel) throws IOException {
    channel.truncate(0);
    force(channel);
  }

  /** Flushes what was written to disk. */
  static void force(SeekableByteChannel channel) throws IOException {
    if (channel instanceof FileChannel fc) {
      fc.force(true);
    } else if (channel instanceof FileHandle fh) {
      fh.force();
    }
  }
}

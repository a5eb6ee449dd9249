package dev.imageprep.agent.probe.linux.handle;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * An open file, read and written through its descriptor: what {@link #stat()} says (type, link count,
 * mount) is about this very file, not about whatever a path leads to a moment later.
 */
public final class FileHandle implements SeekableByteChannel {

  private final int fd;
  private final String shown;
  private long position;
  private boolean open = true;

  FileHandle(int fd, String shown) {
    this.fd = fd;
    this.shown = shown;
  }

  /** The open file itself ({@code statx} on the descriptor). */
  public EntryStat stat() throws IOException {
    byte[] buf = new byte[256];
    try {
      LinuxCalls.statx(fd, new byte[] {0}, LinuxCalls.AT_EMPTY_PATH, buf);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown);
    }
    return EntryStat.parse(buf);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    byte[] b = new byte[Math.min(dst.remaining(), 64 * 1024)];
    long n;
    try {
      n = LinuxCalls.pread(fd, b, b.length, position);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown);
    }
    if (n <= 0) {
      return b.length == 0 ? 0 : -1;
    }
    dst.put(b, 0, (int) n);
    position += n;
    return (int) n;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    ensureOpen();
    byte[] b = new byte[src.remaining()];
    src.get(b);
    int done = 0;
    while (done < b.length) {
      byte[] chunk = done == 0 ? b : java.util.Arrays.copyOfRange(b, done, b.length);
      long n;
      try {
        n = LinuxCalls.pwrite(fd, chunk, chunk.length, position);
      } catch (LastErrorException e) {
        throw LinuxCalls.error(e, shown);
      }
      done += (int) n;
      position += n;
    }
    return done;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) {
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    return stat().size();
  }

  @Override
  public SeekableByteChannel truncate(long size) throws IOException {
    ensureOpen();
    try {
      LinuxCalls.ftruncate(fd, size);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown);
    }
    position = Math.min(position, size);
    return this;
  }

  /** Flushes the file's data and metadata to disk. */
  public void force() throws IOException {
    ensureOpen();
    try {
      LinuxCalls.fsync(fd);
    } catch (LastErrorException e) {
      throw LinuxCalls.error(e, shown);
    }
  }

  private void ensureOpen() throws IOException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    if (open) {
      open = false;
      try {
        LinuxCalls.close(fd);
      } catch (LastErrorException e) {
        // the descriptor is released even when close reports an error
      }
    }
  }
}

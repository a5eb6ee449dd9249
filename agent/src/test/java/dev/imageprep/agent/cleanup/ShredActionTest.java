package dev.imageprep.agent.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imageprep.agent.testing.Mounts;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShredActionTest {

  @TempDir
  Path dir;

  /** A real file behind a target that records every byte written and every pass flushed. */
  private final class RecordingTarget implements Target {
    final Path file;
    final List<byte[]> passes = new ArrayList<>();
    boolean unlinked;
    boolean replaceBeforeUnlink;

    RecordingTarget(Path file) {
      this.file = file;
    }

    @Override
    public Optional<BasicFileAttributes> lstat() throws IOException {
      if (replaceBeforeUnlink && !passes.isEmpty()) {
        // rename over it, as an editor or a package manager would: a new inode, the same name
        Path fresh = Files.writeString(file.resolveSibling("fresh"), "replacement");
        Files.move(fresh, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        replaceBeforeUnlink = false;
      }
      return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          ? Optional.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))
          : Optional.empty();
    }

    @Override
    public void unlink() throws IOException {
      Files.delete(file);
      unlinked = true;
    }

    @Override
    public void removeTree() {
      throw new UnsupportedOperationException();
    }

    @Override
    public SeekableByteChannel openForWrite() throws IOException {
      FileChannel real = FileChannel.open(file, StandardOpenOption.WRITE);
      return new FileChannelSpy(real, passes);
    }

    @Override
    public void syncParent() {}

    @Override
    public void close() {}
  }

  private static PlannedStep step(long size) {
    return new PlannedStep("ssh-host-keys", ActionKind.SHRED, ImagePath.of("/k"), null, FileType.REGULAR, size, null,
        CleanupStatus.PLANNED, null);
  }

  @Test
  void overwritesWithRandomPassesThenZerosFlushesAndUnlinks() throws IOException {
    byte[] secret = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n".repeat(3000).getBytes();
    Path file = Files.write(dir.resolve("key"), secret);
    RecordingTarget target = new RecordingTarget(file);
    BasicFileAttributes attrs = target.lstat().orElseThrow();

    new ShredAction(3).apply(step(secret.length), target, attrs, n -> {});

    assertThat(target.passes).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(target.passes.get(i)).hasSize(secret.length).isNotEqualTo(secret);
      assertThat(indexOf(target.passes.get(i), "PRIVATE KEY".getBytes())).as("random pass " + i).isNegative();
    }
    assertThat(target.passes.get(3)).containsOnly((byte) 0).hasSize(secret.length);
    assertThat(target.unlinked).isTrue();
    assertThat(file).doesNotExist();
  }

  @Test
  void aSparseFileIsOverwrittenWhereItHasDataAndNeverFillsTheVolume() throws Exception {
    assumeTrue(Mounts.isRoot(), "mounting a small tmpfs needs root (CI runs as root)");
    Path volume = Files.createDirectories(dir.resolve("volume"));
    Mounts.tmpfs(volume, "16m", "huge=never"); // page-sized extents, whatever the system default
    try {
      Path file = volume.resolve("disk.img");
      byte[] key = "-----BEGIN OPENSSH PRIVATE KEY-----\n".repeat(200).getBytes(); // 7,200 bytes
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(key), 0);
        ch.write(ByteBuffer.wrap(key), 512L << 20);
        ch.write(ByteBuffer.wrap(new byte[] {1}), (1L << 30) - 1);
      }
      long logical = Files.size(file);
      RecordingTarget target = new RecordingTarget(file);

      String reason = new ShredAction(3).apply(step(logical), target, target.lstat().orElseThrow(), n -> {});

      assertThat(logical).as("a 1 GiB file on a 16 MiB volume").isEqualTo(1L << 30);
      assertThat(reason).contains("sparse file of " + logical + " bytes").doesNotContain(" " + logical + " bytes that");
      assertThat(target.passes).hasSize(4).allSatisfy(pass -> assertThat(pass.length).isBetween(2 * key.length,
          3 * 4096 * 2));
      for (int i = 0; i < 3; i++) {
        assertThat(indexOf(target.passes.get(i), "PRIVATE KEY".getBytes())).as("random pass " + i).isNegative();
      }
      assertThat(target.unlinked).isTrue();
      assertThat(Files.getFileStore(volume).getUsableSpace()).as("the volume is as empty as before")
          .isEqualTo(Files.getFileStore(volume).getTotalSpace());
    } finally {
      Mounts.unmount(volume);
    }
  }

  @Test
  void doesNotUnlinkAFileThatWasReplacedMeanwhile() throws IOException {
    Path file = Files.writeString(dir.resolve("key"), "KEY");
    RecordingTarget target = new RecordingTarget(file);
    BasicFileAttributes attrs = target.lstat().orElseThrow();
    target.replaceBeforeUnlink = true;
    assertThatThrownBy(() -> new ShredAction(1).apply(step(3), target, attrs, n -> {})).hasMessageContaining("replaced");
    assertThat(target.unlinked).isFalse();
    assertThat(Files.readString(file)).isEqualTo("replacement");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Records what each pass wrote, pass by pass (a pass ends with force). */
  private static final class FileChannelSpy extends FileChannel {
    private final FileChannel real;
    private final List<byte[]> passes;
    private java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();

    FileChannelSpy(FileChannel real, List<byte[]> passes) {
      this.real = real;
      this.passes = passes;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      ByteBuffer copy = src.duplicate();
      byte[] b = new byte[copy.remaining()];
      copy.get(b);
      current.write(b, 0, b.length);
      return real.write(src);
    }

    @Override
    public void force(boolean metaData) throws IOException {
      if (current.size() > 0) {
        passes.add(current.toByteArray());
        current = new java.io.ByteArrayOutputStream();
      }
      real.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return real.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public long position() throws IOException {
      return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      real.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      real.truncate(size);
      return this;
    }

    @Override
    public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.nio.channels.FileLock lock(long position, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) {
      throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() throws IOException {
      real.close();
    }
  }
}

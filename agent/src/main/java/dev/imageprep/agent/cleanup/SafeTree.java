package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.common.EntryReader;
import dev.imageprep.agent.probe.common.EntryRemover;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens planned paths under the image root for the cleanup actions. Where the filesystem offers
 * {@link SecureDirectoryStream} (Linux, jimfs), every directory from the root down is opened relative
 * to its parent with {@code O_NOFOLLOW}, so a symlink planted on the way makes the step fail rather
 * than act elsewhere. Elsewhere, each component is checked with a no-follow {@code lstat} first.
 */
public final class SafeTree {

  private static final Pattern DEV = Pattern.compile("dev=([0-9a-fA-F]+)");

  private final Path root;
  private final EntryReader reader;
  private final EntryRemover remover;

  /** @param root the image root, already resolved to a real directory */
  public SafeTree(Path root) {
    this(root, EntryReader.NIO, EntryRemover.NIO);
  }

  /**
   * @param reader how an entry is looked at (Windows reads reparse tags and file identity itself);
   *     anything but the JDK's own reader and remover means a platform without directory handles
   * @param remover how one entry is removed there
   */
  public SafeTree(Path root, EntryReader reader, EntryRemover remover) {
    this.root = root;
    this.reader = reader;
    this.remover = remover;
  }

  /** Opens the entry at a planned (already resolved) image path. */
  public Target open(ImagePath path) throws IOException {
    if (path.isRoot()) {
      throw new IOException("refusing to act on the image root itself");
    }
    boolean platformOwn = reader != EntryReader.NIO || remover != EntryRemover.NIO;
    DirectoryStream<Path> top = Files.newDirectoryStream(root);
    if (platformOwn || !(top instanceof SecureDirectoryStream<Path> sds)) {
      top.close();
      return new CheckedPathTarget(root, path, reader, remover);
    }
    SecureDirectoryStream<Path> dir = sds;
    try {
      for (String name : path.parent().names()) {
        SecureDirectoryStream<Path> next;
        try {
          next = dir.newDirectoryStream(root.getFileSystem().getPath(name), LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          throw new ChangedException("a directory on the way is gone: " + name);
        } catch (NotDirectoryException e) {
          throw new ChangedException("a directory on the way is no longer a directory: " + name);
        } catch (FileSystemException e) {
          // O_NOFOLLOW on a symlink: ELOOP ("Too many levels of symbolic links")
          throw new ChangedException("a directory on the way became a symlink or is unreadable: " + name
              + " (" + e.getReason() + ")");
        }
        dir.close();
        dir = next;
      }
      return new SecureTarget(root, path, dir, root.getFileSystem().getPath(path.fileName()));
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  static Optional<String> deviceOf(BasicFileAttributes attrs) {
    Object key = attrs.fileKey();
    if (key == null) {
      return Optional.empty();
    }
    Matcher m = DEV.matcher(key.toString());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A target reached through a chain of directory handles. */
  private static final class SecureTarget implements Target {
    private final Path root;
    private final ImagePath path;
    private final SecureDirectoryStream<Path> parent;
    private final Path name;

    SecureTarget(Path root, ImagePath path, SecureDirectoryStream<Path> parent, Path name) {
      this.root = root;
      this.path = path;
      this.parent = parent;
      this.name = name;
    }

    @Override
    public Optional<BasicFileAttributes> lstat() throws IOException {
      return lstat(parent, name);
    }

    static Optional<BasicFileAttributes> lstat(SecureDirectoryStream<Path> dir, Path name) throws IOException {
      try {
        return Optional.of(dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .readAttributes());
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
    }

    @Override
    public int linkCount() throws IOException {
      // The unix view is not offered relative to a directory handle; read it by path and no-follow,
      // which the callers double-check with the handle's attributes.
      Path host = root;
      for (String n : path.names()) {
        host = host.resolve(n);
      }
      try {
        Map<String, Object> a = Files.readAttributes(host, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        return a.get("nlink") instanceof Number n ? n.intValue() : 1;
      } catch (UnsupportedOperationException | IllegalArgumentException e) {
        return 1;
      }
    }

    @Override
    public void unlink() throws IOException {
      parent.deleteFile(name);
    }

    @Override
    public void removeTree() throws IOException {
      Optional<BasicFileAttributes> attrs = lstat();
      if (attrs.isEmpty()) {
        return;
      }
      if (!attrs.get().isDirectory()) {
        parent.deleteFile(name);
        return;
      }
      removeDirectory(parent, name, deviceOf(attrs.get()), path.toString());
    }

    private static void removeDirectory(SecureDirectoryStream<Path> parent, Path name, Optional<String> device,
        String shown) throws IOException {
      try (SecureDirectoryStream<Path> dir = parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
        List<Path> children = new ArrayList<>();
        for (Path p : dir) {
          children.add(p.getFileName());
        }
        for (Path child : children) {
          Optional<BasicFileAttributes> a = lstat(dir, child);
          if (a.isEmpty()) {
            continue;
          }
          if (a.get().isDirectory()) {
            Optional<String> childDevice = deviceOf(a.get());
            if (device.isPresent() && childDevice.isPresent() && !device.equals(childDevice)) {
              throw new MountPointException(shown + "/" + child + " is on another filesystem (a mount point); not"
                  + " removed");
            }
            removeDirectory(dir, child, device, shown + "/" + child);
          } else {
            dir.deleteFile(child);
          }
        }
      }
      parent.deleteDirectory(name);
    }

    @Override
    public SeekableByteChannel openForWrite() throws IOException {
      return parent.newByteChannel(name, java.util.Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public SeekableByteChannel openForUpdate() throws IOException {
      return parent.newByteChannel(name, java.util.Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void syncParent() {
      Path host = root;
      for (String n : path.parent().names()) {
        host = host.resolve(n);
      }
      try (var ch = java.nio.channels.FileChannel.open(host, StandardOpenOption.READ)) {
        ch.force(true);
      } catch (IOException | UnsupportedOperationException e) {
        // directories cannot be opened for fsync on every platform; the data itself was synced
      }
    }

    @Override
    public void close() throws IOException {
      parent.close();
    }
  }
}

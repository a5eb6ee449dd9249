package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.common.HostNames;
import dev.imageprep.agent.probe.linux.handle.DirHandle;
import dev.imageprep.agent.probe.linux.handle.EntryStat;
import dev.imageprep.agent.probe.linux.handle.TreeWalker;
import dev.imageprep.rules.host.FileNames;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.agent.probe.common.EntryReader;
import dev.imageprep.agent.probe.common.EntryRemover;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens planned paths under the image root for the cleanup actions. On Linux every directory from
 * the root down is opened relative to its parent with {@code O_NOFOLLOW} ({@link DirHandle}), so a
 * symlink planted on the way makes the step fail rather than act elsewhere, and each is checked to
 * be on the root's own mount (a bind mount of the same filesystem included: the mount id tells). The
 * handles of the last path's directories are kept for the next step, so a million files in one
 * directory cost one {@code openat} chain, not a million. Other filesystems (Windows, jimfs in tests)
 * check each component with a no-follow {@code lstat} first ({@link CheckedPathTarget}).
 */
public final class SafeTree implements AutoCloseable {

  private final Path root;
  private final boolean handles;
  private final EntryReader reader;
  private final EntryRemover remover;
  private DirHandle rootHandle;
  private TreeWalker.Mounts mounts;
  private final List<String> chainNames = new ArrayList<>();
  private final List<DirHandle> chain = new ArrayList<>();
  private final List<DirHandle> dirty = new ArrayList<>();

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
    // Linux handles only with the JDK's own view of entries: a platform reader means Windows rules
    this.handles = reader == EntryReader.NIO && remover == EntryRemover.NIO
        && root.getFileSystem() == FileSystems.getDefault() && isLinux();
  }

  private static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
  }

  /** Opens the entry at a planned (already resolved) image path. */
  public Target open(ImagePath path) throws IOException {
    if (path.isRoot()) {
      throw new IOException("refusing to act on the image root itself");
    }
    if (!handles) {
      return new CheckedPathTarget(root, path, reader, remover);
    }
    if (DirHandle.unavailableReason() != null) {
      // fail closed: without descriptors a symlink or a mount could be swapped in on the way
      throw new IOException("refused: " + DirHandle.unavailableReason());
    }
    return new HandleTarget(parentOf(path), FileNames.encode(path.fileName()), path, mounts, this);
  }

  /** The open directory that holds {@code path}, reusing the handles of the previous step's path. */
  private DirHandle parentOf(ImagePath path) throws IOException {
    if (rootHandle == null) {
      rootHandle = DirHandle.open(HostNames.bytes(root.toAbsolutePath()), root.toString());
      mounts = TreeWalker.Mounts.of(rootHandle.stat());
    }
    List<String> names = path.parent().names();
    int keep = 0;
    while (keep < chainNames.size() && keep < names.size() && chainNames.get(keep).equals(names.get(keep))) {
      keep++;
    }
    while (chain.size() > keep) {
      leave(chain.remove(chain.size() - 1));
      chainNames.remove(chainNames.size() - 1);
    }
    DirHandle dir = chain.isEmpty() ? rootHandle : chain.get(chain.size() - 1);
    for (int i = keep; i < names.size(); i++) {
      dir = openOnTheWay(dir, names.get(i), path.prefix(i + 1));
      chain.add(dir);
      chainNames.add(names.get(i));
    }
    return dir;
  }

  private DirHandle openOnTheWay(DirHandle dir, String name, ImagePath shown) throws IOException {
    byte[] raw = FileNames.encode(name);
    Optional<EntryStat> s;
    DirHandle next;
    try {
      s = dir.statEntry(raw);
      if (s.isEmpty()) {
        throw new ChangedException("a directory on the way is gone: " + shown);
      }
      if (s.get().type() == FileType.SYMLINK) {
        throw new ChangedException("a directory on the way became a symlink: " + shown);
      }
      if (!s.get().isDirectory()) {
        throw new ChangedException("a directory on the way is no longer a directory: " + shown);
      }
      if (!mounts.same(s.get())) {
        throw new MountPointException(shown + " is a mount point");
      }
      next = dir.openDir(raw);
    } catch (NoSuchFileException | NotDirectoryException e) {
      throw new ChangedException("a directory on the way is gone: " + shown);
    } catch (FileSystemException e) {
      if (e instanceof java.nio.file.AccessDeniedException) {
        throw e;
      }
      throw new ChangedException("a directory on the way changed: " + shown + " (" + e.getReason() + ")");
    }
    EntryStat opened = next.stat();
    if (!opened.sameFile(s.get()) || !mounts.same(opened)) {
      next.close();
      throw new ChangedException("a directory on the way was replaced: " + shown);
    }
    return next;
  }

  /** Remembers a directory whose entries were removed, to flush it once when the run moves on. */
  void changed(DirHandle dir) {
    if (!dirty.contains(dir)) {
      dirty.add(dir);
    }
  }

  private void leave(DirHandle dir) {
    if (dirty.remove(dir)) {
      dir.sync();
    }
    dir.close();
  }

  /** Flushes and closes every handle kept for the next step; the tree reopens them when used again. */
  @Override
  public void close() {
    while (!chain.isEmpty()) {
      leave(chain.remove(chain.size() - 1));
    }
    chainNames.clear();
    if (rootHandle != null) {
      leave(rootHandle);
      rootHandle = null;
    }
  }
}

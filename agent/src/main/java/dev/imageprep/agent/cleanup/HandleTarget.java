package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.linux.handle.DirHandle;
import dev.imageprep.agent.probe.linux.handle.EntryStat;
import dev.imageprep.agent.probe.linux.handle.FileHandle;
import dev.imageprep.agent.probe.linux.handle.TreeWalker;
import dev.imageprep.rules.cleanup.Planner;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * An entry reached through Linux directory handles ({@link SafeTree}): looked at, removed and opened
 * by name relative to its parent's descriptor; a file to write into is checked on the descriptor
 * that was opened (regular, one link, the same file, the same mount); a tree is removed by {@link
 * TreeWalker}, which never enters another mount.
 */
final class HandleTarget implements Target {

  private final DirHandle parent;
  private final byte[] name;
  private final ImagePath path;
  private final TreeWalker.Mounts mounts;
  private final SafeTree tree;
  private EntryStat seen;

  HandleTarget(DirHandle parent, byte[] name, ImagePath path, TreeWalker.Mounts mounts, SafeTree tree) {
    this.parent = parent;
    this.name = name;
    this.path = path;
    this.mounts = mounts;
    this.tree = tree;
  }

  @Override
  public Optional<BasicFileAttributes> lstat() throws IOException {
    Optional<EntryStat> s = parent.statEntry(name);
    if (s.isPresent() && !mounts.same(s.get())) {
      throw new MountPointException(path + " is a mount point");
    }
    seen = s.orElse(null);
    return s.map(EntryStat::attributes);
  }

  @Override
  public void unlink() throws IOException {
    try {
      parent.unlink(name);
    } catch (NoSuchFileException e) {
      return; // gone meanwhile: what the step wanted
    } catch (DirHandle.BusyException e) {
      throw new MountPointException(path + " is a mount point");
    }
    tree.changed(parent);
  }

  @Override
  public void removeTree() throws IOException {
    if (seen == null || !seen.isDirectory()) {
      unlink();
      return;
    }
    Removal removal = new Removal();
    new TreeWalker(mounts).walk(parent, name, seen, removal);
    tree.changed(parent);
    if (removal.mount != null) {
      throw new MountPointException(path + "/" + removal.mount + " is a mount point inside it: not descended;"
          + " it and the directories above it were kept");
    }
  }

  /** Removes what the walk finds: files and links by unlinkat, directories once they are empty. */
  private final class Removal implements TreeWalker.Visitor {
    String mount;

    @Override
    public boolean file(DirHandle dir, byte[] entry, int dtype, TreeWalker.Where where) throws IOException {
      try {
        dir.unlink(entry);
      } catch (NoSuchFileException e) {
        // gone meanwhile
      } catch (DirHandle.BusyException e) {
        mount = mount == null ? where.below(entry) : mount; // a file bind-mounted here
        return true;
      } catch (java.nio.file.FileSystemException e) {
        throw inside(e, where.below(entry));
      }
      return false;
    }

    @Override
    public void otherMount(DirHandle dir, byte[] entry, EntryStat stat, TreeWalker.Where where) {
      mount = mount == null ? where.below(entry) : mount;
    }

    @Override
    public void leave(DirHandle dir, byte[] entry, EntryStat stat, boolean complete, TreeWalker.Where where)
        throws IOException {
      if (complete) {
        try {
          dir.rmdir(entry); // empty now; a directory that holds a mount (or is above one) stays
        } catch (java.nio.file.FileSystemException e) {
          throw inside(e, where.below(entry));
        }
      }
    }
  }

  /** A failure inside the tree, saying where below the step's path it happened. */
  private java.nio.file.FileSystemException inside(java.nio.file.FileSystemException e, String below) {
    if (e instanceof java.nio.file.DirectoryNotEmptyException || e instanceof java.nio.file.AccessDeniedException) {
      return e;
    }
    return new java.nio.file.FileSystemException(e.getFile(), null,
        (below.isEmpty() ? "" : path + "/" + below + ": ") + e.getReason());
  }

  @Override
  public SeekableByteChannel openForWrite() throws IOException {
    FileHandle f = parent.openFile(name, true);
    try {
      EntryStat now = f.stat();
      if (!now.isRegular()) {
        throw new RefusedException("refused: no longer a regular file");
      }
      if (seen != null && !now.sameFile(seen)) {
        throw new ChangedException("replaced by another file while it was being opened");
      }
      if (!mounts.same(now)) {
        throw new MountPointException(path + " is a mount point");
      }
      if (now.nlink() > 1) {
        throw new RefusedException(Planner.hardLinks((int) Math.min(Integer.MAX_VALUE, now.nlink()), "written"));
      }
      return f;
    } catch (IOException | RuntimeException e) {
      f.close();
      throw e;
    }
  }

  @Override
  public void syncParent() {
    tree.changed(parent);
  }

  @Override
  public void close() {
    // the parent's handle belongs to the tree, which keeps it for the next step
  }

  @Override
  public String toString() {
    return path.toString();
  }
}

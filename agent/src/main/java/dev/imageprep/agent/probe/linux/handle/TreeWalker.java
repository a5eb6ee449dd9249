package dev.imageprep.agent.probe.linux.handle;

import dev.imageprep.rules.host.FileNames;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Walks a directory tree by handles, depth first, with a loop and a stack of its own: no recursion
 * (a tree 100,000 deep is as safe as a flat one), no absolute paths (no PATH_MAX), at most {@link
 * #OPEN_HANDLES} descriptors open (deeper ones give up their handle after reading the rest of their
 * listing, and are reopened through {@code ..} from their child, checked by device and inode). It
 * never follows a symlink, and never enters a directory on another mount than the tree's own: such
 * a directory is handed to {@link Visitor#otherMount} instead.
 */
public final class TreeWalker {

  static final int OPEN_HANDLES = 48;

  /** What to do with what the walk finds; a parent handle is valid only during the call. */
  public interface Visitor {
    /**
     * An entry that is not a directory.
     *
     * @param dtype the type the listing gives ({@link DirHandle.Entry}); statx it if it matters
     * @return true if the entry stays where it is (its directory is then not complete)
     */
    boolean file(DirHandle parent, byte[] name, int dtype, Where where) throws IOException;

    /** A directory on another mount: it is not entered. */
    void otherMount(DirHandle parent, byte[] name, EntryStat stat, Where where) throws IOException;

    /**
     * A directory whose entries have all been visited.
     *
     * @param complete false if something below it was kept (another mount, or what a visitor kept)
     */
    void leave(DirHandle parent, byte[] name, EntryStat stat, boolean complete, Where where) throws IOException;
  }

  /** Where an entry is, below the walk's top, for messages: {@code sub/dir/name}, empty for the top. */
  public interface Where {
    String below(byte[] name);
  }

  /** One directory on the current path. */
  private static final class Frame {
    final byte[] name;
    final EntryStat stat;
    DirHandle dir;
    DirHandle.Listing listing;
    Deque<DirHandle.Entry> drained;
    boolean complete = true;

    Frame(byte[] name, EntryStat stat, DirHandle dir) {
      this.name = name;
      this.stat = stat;
      this.dir = dir;
      this.listing = dir.listing();
    }

    DirHandle.Entry next() throws IOException {
      if (drained != null) {
        return drained.pollFirst();
      }
      return listing.next();
    }

    void giveUpHandle() throws IOException {
      drained = new ArrayDeque<>(listing.drain());
      listing = null;
      dir.close();
      dir = null;
    }
  }

  private final Mounts mounts;

  /** @param mounts which mount the tree belongs to: directories on any other are not entered */
  public TreeWalker(Mounts mounts) {
    this.mounts = mounts;
  }

  /** The tree's own mount, and how to tell whether an entry is on it. */
  public record Mounts(long mountId, long dev) {
    public static Mounts of(EntryStat root) {
      return new Mounts(root.mountId(), root.dev());
    }

    /** True if the entry is on the tree's mount and is not a mount point itself. */
    public boolean same(EntryStat s) {
      if (s.mountRoot()) {
        return false;
      }
      if (mountId >= 0 && s.mountId() >= 0) {
        return mountId == s.mountId();
      }
      return dev == s.dev(); // kernels before 5.8 say no mount id: a bind mount of the same device is not seen
    }
  }

  /**
   * Walks the directory {@code name} in {@code parent}, which the caller found to be a directory on
   * the tree's mount ({@code stat}), and finally calls {@link Visitor#leave} for it.
   *
   * @throws FileSystemException when a directory changed under the walk (replaced, moved away)
   */
  public void walk(DirHandle parent, byte[] name, EntryStat stat, Visitor visitor) throws IOException {
    List<Frame> stack = new ArrayList<>();
    Where where = leaf -> path(stack, leaf);
    stack.add(new Frame(name, stat, openChecked(parent, name, stat)));
    int open = 1;
    try {
      while (!stack.isEmpty()) {
        Frame top = stack.get(stack.size() - 1);
        DirHandle.Entry e = top.next();
        if (e == null) {
          stack.remove(stack.size() - 1);
          DirHandle up = parent;
          if (!stack.isEmpty()) {
            Frame p = stack.get(stack.size() - 1);
            if (p.dir == null) {
              p.dir = openChecked(top.dir, DirHandle.PARENT, p.stat);
              open++;
            }
            up = p.dir;
            p.complete &= top.complete;
          }
          top.dir.close();
          open--;
          visitor.leave(up, top.name, top.stat, top.complete, where);
          continue;
        }
        if (!e.mayBeDirectory()) {
          top.complete &= !visitor.file(top.dir, e.name(), e.dtype(), where);
          continue;
        }
        Optional<EntryStat> s = top.dir.statEntry(e.name());
        if (s.isEmpty()) {
          continue; // gone meanwhile
        }
        if (!s.get().isDirectory()) {
          top.complete &= !visitor.file(top.dir, e.name(), e.dtype(), where);
          continue;
        }
        if (!mounts.same(s.get())) {
          top.complete = false;
          visitor.otherMount(top.dir, e.name(), s.get(), where);
          continue;
        }
        if (open >= OPEN_HANDLES) {
          for (Frame f : stack) {
            if (f.dir != null) {
              f.giveUpHandle();
              open--;
              break;
            }
          }
        }
        stack.add(new Frame(e.name(), s.get(), openChecked(top.dir, e.name(), s.get())));
        open++;
      }
    } finally {
      for (Frame f : stack) {
        if (f.dir != null) {
          f.dir.close();
        }
      }
    }
  }

  /** Opens a directory and checks it is the one looked at (same device and inode, same mount). */
  private DirHandle openChecked(DirHandle parent, byte[] name, EntryStat expected) throws IOException {
    DirHandle d = parent.openDir(name);
    EntryStat now;
    try {
      now = d.stat();
    } catch (IOException e) {
      d.close();
      throw e;
    }
    if (!now.sameFile(expected) || !mounts.same(now)) {
      d.close();
      throw new FileSystemException(d.shown(), null, "changed while being walked (moved or replaced)");
    }
    return d;
  }

  /** {@code sub/dir/leaf} below the walk's top; empty for the top itself (the stack is empty then). */
  private static String path(List<Frame> stack, byte[] leaf) {
    if (stack.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < stack.size(); i++) {
      sb.append(FileNames.decode(stack.get(i).name)).append('/');
    }
    return sb.append(FileNames.decode(leaf)).toString();
  }
}

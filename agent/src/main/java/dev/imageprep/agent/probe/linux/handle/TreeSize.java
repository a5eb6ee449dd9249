package dev.imageprep.agent.probe.linux.handle;

import dev.imageprep.rules.host.FileNames;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bytes of the regular files at and below a path inside a root, measured by directory handles like
 * the removal that follows ({@link TreeWalker}): exact for a tree of any depth, never following a
 * symlink and never counting what another mount holds (it is not removed either).
 */
public final class TreeSize {

  private TreeSize() {}

  /**
   * @param root the root's absolute path, as raw bytes
   * @param names the path's components below the root, every directory on the way already resolved
   * @return the bytes, or 0 when there is nothing at the path
   * @throws IOException when a directory on the way is not one any more, or part of the tree cannot be read
   */
  public static long of(byte[] root, List<String> names) throws IOException {
    List<DirHandle> open = new ArrayList<>();
    try (DirHandle top = DirHandle.open(root, FileNames.decode(root))) {
      TreeWalker.Mounts mounts = TreeWalker.Mounts.of(top.stat());
      DirHandle dir = top;
      for (int i = 0; i < names.size() - 1; i++) {
        byte[] name = FileNames.encode(names.get(i));
        Optional<EntryStat> s = dir.statEntry(name);
        if (s.isEmpty()) {
          return 0;
        }
        if (!s.get().isDirectory() || !mounts.same(s.get())) {
          throw new FileSystemException(names.get(i), null, "not a directory of the image's own filesystem");
        }
        dir = dir.openDir(name);
        open.add(dir);
      }
      if (names.isEmpty()) {
        throw new FileSystemException("/", null, "the root is never measured as one step");
      }
      byte[] last = FileNames.encode(names.get(names.size() - 1));
      Optional<EntryStat> s = dir.statEntry(last);
      if (s.isEmpty()) {
        return 0;
      }
      if (!s.get().isDirectory()) {
        return s.get().isRegular() ? s.get().size() : 0;
      }
      if (!mounts.same(s.get())) {
        return 0; // another mount: none of it is planned
      }
      Sum sum = new Sum();
      new TreeWalker(mounts).walk(dir, last, s.get(), sum);
      return sum.bytes;
    } finally {
      for (DirHandle d : open) {
        d.close();
      }
    }
  }

  /** Adds up regular files' sizes; looks at an entry only when the listing says it is a file. */
  private static final class Sum implements TreeWalker.Visitor {
    long bytes;

    @Override
    public boolean file(DirHandle parent, byte[] name, int dtype, TreeWalker.Where where) throws IOException {
      if (dtype == 8 || dtype == 0) { // DT_REG, or DT_UNKNOWN: only statx can tell
        Optional<EntryStat> s = parent.statEntry(name);
        if (s.isPresent() && s.get().isRegular()) {
          bytes += s.get().size();
        }
      }
      return true;
    }

    @Override
    public void otherMount(DirHandle parent, byte[] name, EntryStat stat, TreeWalker.Where where) {
      // not part of the image
    }

    @Override
    public void leave(DirHandle parent, byte[] name, EntryStat stat, boolean complete, TreeWalker.Where where) {
      // nothing to do on the way back up
    }
  }
}

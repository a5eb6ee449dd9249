package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.probe.common.ClassifiedAttributes;
import dev.imageprep.agent.probe.common.EntryKind;
import dev.imageprep.agent.probe.common.EntryReader;
import dev.imageprep.agent.probe.common.EntryRemover;
import dev.imageprep.agent.probe.common.TreeWalk;
import dev.imageprep.rules.cleanup.Planner;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A target on a filesystem without directory handles (Windows): every directory on the way is
 * looked at without following it just before the operation, and operations themselves never follow
 * the last component. The window between check and act is small but not closed; the docs say so.
 * The platform's {@link EntryReader} and {@link EntryRemover} do the looking and removing (on
 * Windows by reparse tag, file identity and error code).
 */
final class CheckedPathTarget implements Target {

  private final ImagePath path;
  private final Path host;
  private final EntryReader reader;
  private final EntryRemover remover;

  CheckedPathTarget(Path root, ImagePath path, EntryReader reader, EntryRemover remover) throws IOException {
    this.path = path;
    this.reader = reader;
    this.remover = remover;
    Path p = root;
    for (String name : path.parent().names()) {
      p = p.resolve(name);
      BasicFileAttributes a;
      try {
        a = reader.read(p);
      } catch (NoSuchFileException e) {
        throw new ChangedException("a directory on the way is gone: " + name);
      }
      if (EntryKind.of(a) != EntryKind.DIRECTORY) {
        throw new ChangedException("a directory on the way is no longer a plain directory: " + name);
      }
    }
    this.host = p.resolve(path.fileName());
  }

  @Override
  public Optional<BasicFileAttributes> lstat() throws IOException {
    try {
      return Optional.of(reader.read(host));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void unlink() throws IOException {
    Optional<BasicFileAttributes> a = lstat();
    if (a.isPresent()) {
      remove(host, a.get()); // a link goes as a link, never its target
    }
  }

  private void remove(Path entry, BasicFileAttributes attrs) throws IOException {
    InUseException.rethrow(entry, () -> remover.remove(entry, attrs));
  }

  /**
   * Removes the tree bottom up with a hand-written walk, and keeps going past entries the platform
   * keeps (in use, Windows' own junctions): they stay, with their directories, and the step says how
   * many. Any other failure fails the step, after everything else that could go has gone.
   */
  @Override
  public void removeTree() throws IOException {
    Optional<BasicFileAttributes> top = lstat();
    if (top.isEmpty()) {
      return;
    }
    if (EntryKind.of(top.get()) != EntryKind.DIRECTORY) {
      unlink(); // a junction or mount point: the link goes, never what it leads to
      return;
    }
    Optional<String> device = deviceOf(top.get());
    Removal removal = new Removal(device);
    new TreeWalk(reader).walk(host, top.get(), removal);
    removal.finish();
  }

  /** Removes what a walk visits, children before their directory, and counts what stays. */
  private final class Removal implements TreeWalk.Visitor {
    private final Optional<String> device;
    private long removed;
    private final List<String> kept = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    /** Per directory being walked: how many entries below it stay. */
    private final Deque<long[]> staying = new ArrayDeque<>();
    private long notEmpty;

    Removal(Optional<String> device) {
      this.device = device;
    }

    @Override
    public boolean enter(Path dir, BasicFileAttributes attrs) throws IOException {
      Optional<String> d = deviceOf(attrs);
      if (device.isPresent() && d.isPresent() && !device.equals(d)) {
        throw new MountPointException(dir + " is on another filesystem; not removed");
      }
      staying.push(new long[1]);
      return true;
    }

    @Override
    public void visit(Path entry, BasicFileAttributes attrs) {
      if (attrs instanceof ClassifiedAttributes c && c.mountsVolume()) {
        failed.add(entry.getFileName() + ": mounts another volume; not removed");
        stays();
        return;
      }
      removeOne(entry, attrs);
    }

    @Override
    public void leave(Path dir, BasicFileAttributes attrs) {
      if (staying.pop()[0] > 0) {
        notEmpty++; // what stayed inside keeps its directories
        stays();
        return;
      }
      removeOne(dir, attrs);
    }

    private void removeOne(Path entry, BasicFileAttributes attrs) {
      try {
        remove(entry, attrs);
        removed++;
      } catch (NoSuchFileException e) {
        // gone already
      } catch (SkipException e) {
        kept.add(e.getMessage());
        stays();
      } catch (DirectoryNotEmptyException e) {
        failed.add(entry.getFileName() + ": something wrote into it while it was removed");
        stays();
      } catch (IOException e) {
        failed.add(entry.getFileName() + ": " + CleanupExecutor.reason(e));
        stays();
      }
    }

    private void stays() {
      if (!staying.isEmpty()) {
        staying.peek()[0]++;
      }
    }

    @Override
    public void failed(Path entry, IOException e) {
      failed.add(entry.getFileName() + ": " + CleanupExecutor.reason(e));
      stays();
    }

    void finish() throws IOException {
      if (!failed.isEmpty()) {
        throw new IOException("removed " + removed + " entries, " + failed.size() + " failed (first: " + failed.get(0)
            + ")" + (kept.isEmpty() ? "" : "; " + kept.size() + " kept"));
      }
      if (!kept.isEmpty()) {
        throw new InUseException("removed " + removed + " entries; " + kept.size() + " kept with the "
            + notEmpty + " directories that hold them (first: " + kept.get(0) + ")");
      }
    }
  }

  @Override
  public SeekableByteChannel openForWrite() throws IOException {
    // no descriptor to ask here: the checks look at the path just before opening it, no-follow
    Optional<BasicFileAttributes> before = lstat();
    if (before.isEmpty() || EntryKind.of(before.get()) != EntryKind.REGULAR) {
      throw new RefusedException("refused: no longer a regular file");
    }
    int links = EntryReader.links(host, before.get());
    if (links > 1) {
      throw new RefusedException(Planner.hardLinks(links, "written"));
    }
    return Files.newByteChannel(host, java.util.Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS));
  }

  @Override
  public void syncParent() {
    // nothing portable to do here
  }

  @Override
  public void close() {
    // holds no handles
  }

  private static final java.util.regex.Pattern DEV = java.util.regex.Pattern.compile("dev=([0-9a-fA-F]+)");

  /** The device part of a file key, where the filesystem has one. */
  static Optional<String> deviceOf(BasicFileAttributes attrs) {
    Object key = attrs.fileKey();
    if (key == null) {
      return Optional.empty();
    }
    java.util.regex.Matcher m = DEV.matcher(key.toString());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  @Override
  public String toString() {
    return path.toString();
  }
}

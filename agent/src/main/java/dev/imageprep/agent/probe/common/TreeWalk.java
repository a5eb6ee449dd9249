package dev.imageprep.agent.probe.common;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * A walk written out by hand rather than {@code Files.walkFileTree}: it lists a directory, looks at
 * each entry with an {@link EntryReader} (no-follow), and descends only into plain directories. On
 * JDK 17–25 {@code walkFileTree} opens a Windows junction as a directory before {@code
 * preVisitDirectory} can skip it, and Windows' compatibility junctions deny listing to everyone, so
 * every profile would fail part way; here a junction is seen as a link and never opened. The walk is
 * iterative (deep trees cannot overflow the stack) and holds one directory open at a time.
 */
public final class TreeWalk {

  /** What a walk tells its caller. */
  public interface Visitor {

    /** A plain directory about to be listed; false leaves it (and {@link #leave}) out. */
    default boolean enter(Path dir, BasicFileAttributes attrs) throws IOException {
      return true;
    }

    /** Every entry that is not a plain directory: files, links, placeholders, special files. */
    void visit(Path entry, BasicFileAttributes attrs) throws IOException;

    /**
     * A directory whose entries have all been visited or left; every directory {@link #enter} took
     * is left, also when it could not be listed.
     */
    default void leave(Path dir, BasicFileAttributes attrs) throws IOException {}

    /**
     * An entry that could not be looked at, or a directory that could not be listed. Entries that
     * vanish during the walk are not reported.
     */
    void failed(Path entry, IOException e) throws IOException;
  }

  private final EntryReader reader;

  public TreeWalk(EntryReader reader) {
    this.reader = reader;
  }

  /** Walks from {@code start}, whose attributes the caller has read with the same reader. */
  public void walk(Path start, BasicFileAttributes attrs, Visitor visitor) throws IOException {
    if (EntryKind.of(attrs) != EntryKind.DIRECTORY) {
      visitor.visit(start, attrs);
      return;
    }
    Deque<Frame> stack = new ArrayDeque<>();
    open(start, attrs, visitor, stack);
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (!top.names.hasNext()) {
        stack.pop();
        visitor.leave(top.dir, top.attrs);
        continue;
      }
      Path entry = top.dir.resolve(top.names.next());
      BasicFileAttributes a;
      try {
        a = reader.read(entry);
      } catch (NoSuchFileException e) {
        continue; // removed while we walked
      } catch (IOException e) {
        visitor.failed(entry, e);
        continue;
      }
      if (EntryKind.of(a) == EntryKind.DIRECTORY) {
        open(entry, a, visitor, stack);
      } else {
        visitor.visit(entry, a);
      }
    }
  }

  /** Reads a directory's names, closing it again at once, and pushes it. */
  private void open(Path dir, BasicFileAttributes attrs, Visitor visitor, Deque<Frame> stack) throws IOException {
    if (!visitor.enter(dir, attrs)) {
      return;
    }
    List<Path> names;
    try {
      names = reader.list(dir);
    } catch (NoSuchFileException | NotDirectoryException e) {
      names = List.of(); // gone or replaced while we walked
    } catch (IOException e) {
      visitor.failed(dir, e);
      names = List.of();
    }
    stack.push(new Frame(dir, attrs, names.iterator()));
  }

  private record Frame(Path dir, BasicFileAttributes attrs, Iterator<Path> names) {}
}

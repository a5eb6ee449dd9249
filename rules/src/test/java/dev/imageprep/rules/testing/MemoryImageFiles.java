package dev.imageprep.rules.testing;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An image filesystem in memory, resolving symlinks the way the agent's rooted view does (absolute
 * targets from the image root, {@code ..} stopping at the root), for tests of pure code. Directories
 * can be made unreadable to test fail-closed behaviour.
 */
public final class MemoryImageFiles implements ImageFiles {

  private record Node(FileType type, byte[] content, String target, int links, int inode) {}

  private final Map<ImagePath, Node> nodes = new TreeMap<>();
  private final Set<ImagePath> unreadable = new HashSet<>();
  private int nextInode = 1;

  public MemoryImageFiles() {
    nodes.put(ImagePath.ROOT, new Node(FileType.DIRECTORY, null, null, 1, nextInode++));
  }

  public MemoryImageFiles dir(String path) {
    ImagePath p = ImagePath.of(path);
    for (int i = 1; i <= p.depth(); i++) {
      nodes.putIfAbsent(p.prefix(i), new Node(FileType.DIRECTORY, null, null, 1, nextInode++));
    }
    return this;
  }

  public MemoryImageFiles file(String path, String content) {
    return file(path, content, 1);
  }

  public MemoryImageFiles file(String path, String content, int links) {
    ImagePath p = ImagePath.of(path);
    dir(p.parent().toString());
    nodes.put(p, new Node(FileType.REGULAR, content.getBytes(StandardCharsets.UTF_8), null, links, nextInode++));
    return this;
  }

  public MemoryImageFiles symlink(String path, String target) {
    ImagePath p = ImagePath.of(path);
    dir(p.parent().toString());
    nodes.put(p, new Node(FileType.SYMLINK, null, target, 1, nextInode++));
    return this;
  }

  public MemoryImageFiles special(String path, FileType type) {
    ImagePath p = ImagePath.of(path);
    dir(p.parent().toString());
    nodes.put(p, new Node(type, null, null, 1, nextInode++));
    return this;
  }

  public MemoryImageFiles unreadable(String dir) {
    unreadable.add(ImagePath.of(dir));
    return this;
  }

  public boolean exists(String path) {
    return nodes.containsKey(ImagePath.of(path));
  }

  @Override
  public Fact<ImagePath> resolve(ImagePath path) {
    ImagePath current = ImagePath.ROOT;
    Deque<String> remaining = new ArrayDeque<>(path.names());
    int hops = 0;
    while (!remaining.isEmpty()) {
      ImagePath candidate = current.child(remaining.pollFirst());
      Node n = nodes.get(candidate);
      if (n == null || n.type() != FileType.SYMLINK) {
        current = candidate;
        continue;
      }
      if (++hops > 40) {
        return Fact.unknown("too many levels of symbolic links at " + candidate);
      }
      ImagePath next = n.target().startsWith("/") ? ImagePath.of(n.target())
          : ImagePath.of(current + (current.isRoot() ? "" : "/") + n.target());
      List<String> rest = new ArrayList<>(next.names());
      rest.addAll(remaining);
      remaining = new ArrayDeque<>(rest);
      current = ImagePath.ROOT;
    }
    return Fact.known(current);
  }

  @Override
  public Fact<Optional<FileInfo>> stat(ImagePath path) {
    Fact<ImagePath> parent = resolve(path.parent());
    if (!parent.isKnown()) {
      return Fact.unknown(parent.reason());
    }
    ImagePath real = path.isRoot() ? path : parent.value().child(path.fileName());
    if (unreadable.stream().anyMatch(u -> !u.equals(real) && u.contains(real))) {
      return Fact.unknown("permission denied: " + real);
    }
    return Fact.known(Optional.ofNullable(nodes.get(real)).map(n -> info(real, n)));
  }

  private static FileInfo info(ImagePath p, Node n) {
    return new FileInfo(p, n.type(), n.content() == null ? 0 : n.content().length, n.links(), "ino=" + n.inode(),
        n.target());
  }

  @Override
  public Fact<List<FileInfo>> list(ImagePath directory) {
    Fact<ImagePath> real = resolve(directory);
    if (!real.isKnown()) {
      return Fact.unknown(real.reason());
    }
    Node n = nodes.get(real.value());
    if (n == null || n.type() != FileType.DIRECTORY) {
      return Fact.known(List.of());
    }
    if (unreadable.contains(real.value())) {
      return Fact.unknown("permission denied: " + real.value());
    }
    List<FileInfo> out = new ArrayList<>();
    for (Map.Entry<ImagePath, Node> e : nodes.entrySet()) {
      if (!e.getKey().isRoot() && e.getKey().parent().equals(real.value())) {
        out.add(info(e.getKey(), e.getValue()));
      }
    }
    return Fact.known(out);
  }

  @Override
  public Fact<Optional<String>> readText(ImagePath path, long maxBytes) {
    Fact<ImagePath> real = resolve(path);
    if (!real.isKnown()) {
      return Fact.unknown(real.reason());
    }
    Node n = nodes.get(real.value());
    if (n == null || n.type() != FileType.REGULAR) {
      return Fact.known(Optional.empty());
    }
    if (unreadable.stream().anyMatch(u -> u.contains(real.value()))) {
      return Fact.unknown("permission denied: " + real.value());
    }
    int len = (int) Math.min(maxBytes, n.content().length);
    return Fact.known(Optional.of(new String(n.content(), 0, len, StandardCharsets.UTF_8)));
  }
}

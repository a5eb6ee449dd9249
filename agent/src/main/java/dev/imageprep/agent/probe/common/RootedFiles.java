package dev.imageprep.agent.probe.common;

import dev.imageprep.agent.probe.linux.handle.DirHandle;
import dev.imageprep.agent.probe.linux.handle.EntryStat;
import dev.imageprep.agent.probe.linux.handle.TreeSize;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileNames;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;

/**
 * The image's files under a root directory, resolved the way the image's own kernel would resolve
 * them if the root were {@code /}: symlinks on the way are followed with absolute targets taken
 * relative to the root, {@code ..} stops at the root, and nothing ever resolves outside it. Works on
 * any {@link java.nio.file.FileSystem}, so tests run it on jimfs as well as on real trees.
 */
public final class RootedFiles implements ImageFiles {

  /** Linux's limit on symlinks followed while resolving one path (MAXSYMLINKS). */
  static final int MAX_LINKS = 40;

  /** Directories with up to this many entries are listed in name order. */
  static final int SORTED_UP_TO = 10_000;

  private final Path root;
  private final LinkReader links;
  private final EntryReader entries;
  private final boolean caseInsensitive;

  public RootedFiles(Path root) {
    this(root, LinkReader.POSIX);
  }

  /** @param links how link targets are read (Windows junctions and drive-letter targets need their own) */
  public RootedFiles(Path root, LinkReader links) {
    this(root, links, EntryReader.NIO);
  }

  /**
   * @param entries how one entry is looked at without following it (Windows reads reparse tags,
   *     identity and link counts itself)
   */
  public RootedFiles(Path root, LinkReader links, EntryReader entries) {
    this.root = root;
    this.links = links;
    this.entries = entries;
    // Windows compares names without case: unattend.xml and Unattend.xml are one file there
    this.caseInsensitive = root.getFileSystem().getSeparator().equals("\\");
  }

  public Path root() {
    return root;
  }

  /** How this view looks at entries; walks and cleanups of the same tree must look the same way. */
  public EntryReader entries() {
    return entries;
  }

  /** Linux directory handles, where they work and the JDK's own view of entries is the one in use. */
  private boolean byHandle() {
    return entries == EntryReader.NIO && DirHandle.usableFor(root);
  }

  /** The host path of an image path, lexically; callers resolve first. Exact whatever the locale. */
  public Path hostPath(ImagePath path) {
    Path p = root;
    for (String name : path.names()) {
      p = HostNames.child(p, name);
    }
    return p;
  }

  /** The image path of a host path under the root, or empty when it lies outside. */
  public Optional<ImagePath> imagePath(Path host) {
    Path abs = host.toAbsolutePath().normalize();
    Path r = root.toAbsolutePath().normalize();
    if (!abs.startsWith(r)) {
      return Optional.empty();
    }
    ImagePath p = ImagePath.ROOT;
    for (Path part : r.relativize(abs)) {
      String name = HostNames.nameOf(part);
      if (!name.isEmpty()) {
        p = p.child(name);
      }
    }
    return Optional.of(p);
  }

  @Override
  public Fact<ImagePath> resolve(ImagePath path) {
    return resolve(path, true);
  }

  /**
   * Resolves symlinks inside the root. Missing components are kept as written, so a path that does
   * not exist (yet) still resolves.
   */
  Fact<ImagePath> resolve(ImagePath path, boolean followLast) {
    return resolve(path, followLast, false);
  }

  /** Resolves a path that will be used as a directory: its last component must be one too. */
  private Fact<ImagePath> resolveDirectory(ImagePath path) {
    return resolve(path, true, true);
  }

  private Fact<ImagePath> resolve(ImagePath path, boolean followLast, boolean directory) {
    ImagePath current = ImagePath.ROOT;
    Deque<String> remaining = new ArrayDeque<>(path.names());
    int hops = 0;
    while (!remaining.isEmpty()) {
      String name = remaining.pollFirst();
      ImagePath candidate = current.child(name);
      if (remaining.isEmpty() && !followLast) {
        return Fact.known(candidate);
      }
      Path host = hostPath(candidate);
      BasicFileAttributes attrs;
      try {
        attrs = entries.read(host);
      } catch (NoSuchFileException | NotDirectoryException e) {
        current = candidate;
        continue;
      } catch (IOException e) {
        return Fact.unknown(describe(e, candidate));
      }
      EntryKind kind = EntryKind.of(attrs);
      if (kind != EntryKind.LINK) {
        if ((directory || !remaining.isEmpty()) && (kind == EntryKind.PLACEHOLDER || kind == EntryKind.SPECIAL)) {
          // never let the operating system pass through what it might follow or download
          return Fact.unknown(candidate + " is not a plain directory (" + kind.name().toLowerCase(Locale.ROOT)
              + "): not looked through");
        }
        current = candidate;
        continue;
      }
      if (++hops > MAX_LINKS) {
        return Fact.unknown("too many levels of symbolic links at " + candidate);
      }
      String target;
      try {
        target = links.read(host); // ASCII in practice; an odd byte in a link target reads as U+FFFD
      } catch (IOException e) {
        return Fact.unknown(describe(e, candidate));
      }
      ImagePath next = target.startsWith("/") ? ImagePath.of(target)
          : ImagePath.of(current + (current.isRoot() ? "" : "/") + target);
      List<String> rest = new ArrayList<>(next.names());
      rest.addAll(remaining);
      remaining = new ArrayDeque<>(rest);
      current = ImagePath.ROOT;
    }
    return Fact.known(current);
  }

  @Override
  public Fact<Optional<FileInfo>> stat(ImagePath path) {
    if (path.isRoot()) {
      return lstatHere(ImagePath.ROOT, root);
    }
    Fact<ImagePath> parent = resolveDirectory(path.parent());
    if (!parent.isKnown()) {
      return Fact.unknown(parent.reason());
    }
    ImagePath real = parent.value().child(path.fileName());
    return lstatHere(canonical(real), hostPath(real));
  }

  /**
   * On a filesystem that ignores case, the path with each name as the directory spells it, so two
   * spellings of one file are one path; the JDK's {@code toRealPath(NOFOLLOW_LINKS)} reads each
   * name from its directory on Windows ({@code FindFirstFile}) without resolving links.
   */
  private ImagePath canonical(ImagePath path) {
    if (!caseInsensitive || path.isRoot()) {
      return path;
    }
    try {
      return imagePath(hostPath(path).toRealPath(LinkOption.NOFOLLOW_LINKS)).orElse(path);
    } catch (IOException e) {
      return path; // missing: as written
    }
  }

  /** No-follow attributes of one host path, described as the given image path. */
  public static Fact<Optional<FileInfo>> lstat(ImagePath path, Path host) {
    return lstat(path, host, LinkReader.POSIX);
  }

  private Fact<Optional<FileInfo>> lstatHere(ImagePath path, Path host) {
    return lstat(path, host, links, entries);
  }

  /** No-follow attributes of one host path, with link targets read by {@code reader}. */
  static Fact<Optional<FileInfo>> lstat(ImagePath path, Path host, LinkReader reader) {
    return lstat(path, host, reader, EntryReader.NIO);
  }

  private static Fact<Optional<FileInfo>> lstat(ImagePath path, Path host, LinkReader reader, EntryReader entries) {
    try {
      BasicFileAttributes a = entries.read(host);
      Map<String, Object> unix = a instanceof ClassifiedAttributes ? Map.of() : unixAttributes(host);
      FileType type = typeOf(a, unix);
      int links = a instanceof ClassifiedAttributes c ? c.links()
          : unix.get("nlink") instanceof Number n ? n.intValue() : 1;
      String target = null;
      if (type == FileType.SYMLINK) {
        try {
          target = reader.read(host);
        } catch (IOException e) {
          target = null;
        }
      }
      return Fact.known(Optional.of(new FileInfo(path, type, countedBytes(a), links, identity(a), target)));
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Fact.known(Optional.empty());
    } catch (IOException e) {
      return Fact.unknown(describe(e, path));
    }
  }

  /** A stable identity for "is it still the same file": the file key (device and inode on Linux). */
  public static String identity(BasicFileAttributes a) {
    Object key = a.fileKey();
    return key == null ? null : key.toString();
  }

  static Map<String, Object> unixAttributes(Path host) {
    try {
      return Files.readAttributes(host, "unix:nlink,mode", LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return Map.of();
    }
  }

  /**
   * The bytes an entry counts for in sizes: a file's logical size, a placeholder's too (the data it
   * stands for belongs to the profile, wherever it is kept), nothing for anything else.
   */
  static long countedBytes(BasicFileAttributes a) {
    EntryKind kind = EntryKind.of(a);
    return kind == EntryKind.REGULAR || kind == EntryKind.PLACEHOLDER ? a.size() : 0;
  }

  static FileType typeOf(BasicFileAttributes a, Map<String, Object> unix) {
    switch (EntryKind.of(a)) {
      case LINK: return FileType.SYMLINK;
      case DIRECTORY: return FileType.DIRECTORY;
      case REGULAR: return FileType.REGULAR;
      case PLACEHOLDER: return FileType.OTHER;
      default: break;
    }
    if (unix.get("mode") instanceof Number mode) {
      switch (mode.intValue() & 0170000) {
        case 0010000: return FileType.FIFO;
        case 0140000: return FileType.SOCKET;
        case 0060000: return FileType.BLOCK_DEVICE;
        case 0020000: return FileType.CHAR_DEVICE;
        default: return FileType.OTHER;
      }
    }
    return FileType.OTHER;
  }

  @Override
  public Fact<List<FileInfo>> list(ImagePath directory) {
    List<FileInfo> out = new ArrayList<>();
    Fact<Long> listed = forEachEntry(directory, out::add);
    return listed.isKnown() ? Fact.known(out) : Fact.unknown(listed.reason());
  }

  /**
   * Entries come in name order when the directory has at most {@link #SORTED_UP_TO} of them, else in
   * the order the filesystem lists them: sorting a million names would hold them all. On Linux the
   * directory is read by handle ({@code getdents64}, then {@code statx} and {@code readlinkat} by
   * name relative to it): names arrive as bytes, and nothing walks the absolute path again per entry.
   */
  @Override
  public Fact<Long> forEachEntry(ImagePath directory, Consumer<FileInfo> each) {
    Fact<ImagePath> real = resolve(directory, true);
    if (!real.isKnown()) {
      return Fact.unknown(real.reason());
    }
    Path host = hostPath(real.value());
    try {
      if (EntryKind.of(entries.read(host)) != EntryKind.DIRECTORY) {
        return Fact.known(0L);
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Fact.known(0L);
    } catch (IOException e) {
      return Fact.unknown(describe(e, real.value()));
    }
    NameOrder order = new NameOrder(each);
    try {
      if (byHandle()) {
        listByHandle(real.value(), order);
      } else {
        listByPath(real.value(), host, order);
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Fact.known(order.count);
    } catch (IOException e) {
      return Fact.unknown(describe(e, real.value()));
    }
    return Fact.known(order.count);
  }

  private void listByHandle(ImagePath dir, NameOrder order) throws IOException {
    try (DirHandle handle = DirHandle.openPath(HostNames.bytes(root.toAbsolutePath()), dir.names())) {
      DirHandle.Listing listing = handle.listing();
      for (DirHandle.Entry e = listing.next(); e != null; e = listing.next()) {
        byte[] raw = e.name();
        String name = FileNames.decode(raw);
        order.offer(name, () -> {
          Optional<EntryStat> s = handle.statEntry(raw);
          if (s.isEmpty()) {
            return Optional.empty(); // gone meanwhile
          }
          EntryStat st = s.get();
          String target = st.type() == FileType.SYMLINK ? FileNames.decode(handle.readLink(raw)) : null;
          return Optional.of(new FileInfo(dir.child(name), st.type(), st.isRegular() ? st.size() : 0,
              (int) Math.min(Integer.MAX_VALUE, st.nlink()), st.identity(), target));
        });
      }
      order.finish(); // while the handle is open: held entries are looked at now
    }
  }

  private void listByPath(ImagePath dir, Path host, NameOrder order) throws IOException {
    try {
      for (Path p : entries.list(host)) {
        String name = HostNames.nameOf(p.getFileName());
        order.offer(name, () -> {
          Fact<Optional<FileInfo>> info = lstatHere(dir.child(name), host.resolve(p));
          if (!info.isKnown()) {
            throw new IOException(info.reason());
          }
          return info.value();
        });
      }
      order.finish();
    } catch (java.nio.file.DirectoryIteratorException e) {
      throw e.getCause();
    }
  }

  /** Looks at one listed entry when it is handed over. */
  @FunctionalInterface
  private interface Look {
    Optional<FileInfo> get() throws IOException;
  }

  /**
   * Hands entries over in name order while there are at most {@link #SORTED_UP_TO} of them; past
   * that, the ones held so far and every later one go as they come.
   */
  private static final class NameOrder {
    private final Consumer<FileInfo> each;
    private List<Map.Entry<String, Look>> held = new ArrayList<>();
    long count;

    NameOrder(Consumer<FileInfo> each) {
      this.each = each;
    }

    void offer(String name, Look look) throws IOException {
      if (held == null) {
        deliver(look);
        return;
      }
      held.add(Map.entry(name, look));
      if (held.size() > SORTED_UP_TO) {
        List<Map.Entry<String, Look>> all = held;
        held = null;
        for (Map.Entry<String, Look> e : all) {
          deliver(e.getValue());
        }
      }
    }

    void finish() throws IOException {
      if (held != null) {
        List<Map.Entry<String, Look>> all = held;
        held = null;
        all.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, Look> e : all) {
          deliver(e.getValue());
        }
      }
    }

    private void deliver(Look look) throws IOException {
      Optional<FileInfo> info = look.get();
      if (info.isPresent()) {
        count++;
        each.accept(info.get());
      }
    }
  }

  @Override
  public Fact<Optional<String>> readText(ImagePath path, long maxBytes) {
    Fact<ImagePath> real = resolve(path, true);
    if (!real.isKnown()) {
      return Fact.unknown(real.reason());
    }
    Path host = hostPath(real.value());
    Fact<Optional<FileInfo>> info = lstatHere(real.value(), host);
    if (!info.isKnown()) {
      return Fact.unknown(info.reason());
    }
    if (info.value().isEmpty() || !info.value().get().isRegular()) {
      return Fact.known(Optional.empty());
    }
    try (SeekableByteChannel ch = Files.newByteChannel(host, EnumSet.of(StandardOpenOption.READ),
        new java.nio.file.attribute.FileAttribute<?>[0])) {
      long size = Math.min(maxBytes, info.value().get().size());
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, size)));
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // read up to the limit
      }
      buf.flip();
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(buf).toString();
      return Fact.known(Optional.of(text));
    } catch (NoSuchFileException e) {
      return Fact.known(Optional.empty());
    } catch (IOException e) {
      return Fact.unknown(describe(e, real.value()));
    }
  }

  /**
   * Walks by hand ({@link TreeWalk}): links, junctions and mount points are not walked or counted,
   * and a file with several hard links (WinSxS is full of them) counts once.
   */
  @Override
  public Fact<Long> treeBytes(ImagePath path) {
    Fact<ImagePath> parent = resolveDirectory(path.parent());
    if (!parent.isKnown()) {
      return Fact.unknown(parent.reason());
    }
    ImagePath real = path.isRoot() ? ImagePath.ROOT : parent.value().child(path.fileName());
    if (!real.isRoot() && byHandle()) {
      try {
        return Fact.known(TreeSize.of(HostNames.bytes(root.toAbsolutePath()), real.names()));
      } catch (IOException e) {
        return Fact.unknown("could not read part of " + path + ": " + (e instanceof java.nio.file.FileSystemException f
            && f.getReason() != null ? f.getReason() : e.getMessage()));
      }
    }
    Path start = hostPath(real);
    BasicFileAttributes top;
    try {
      top = entries.read(start);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Fact.known(0L);
    } catch (IOException e) {
      return Fact.unknown(describe(e, path));
    }
    long[] total = {0};
    String[] failure = {null};
    Set<Object> counted = new HashSet<>();
    try {
      new TreeWalk(entries).walk(start, top, new TreeWalk.Visitor() {
        @Override
        public void visit(Path entry, BasicFileAttributes a) {
          // Windows says how many names a file has at no extra cost; count such a file once
          if (a instanceof ClassifiedAttributes c && c.links() > 1 && a.fileKey() != null
              && !counted.add(a.fileKey())) {
            return;
          }
          total[0] += countedBytes(a);
        }

        @Override
        public void failed(Path entry, IOException e) {
          if (failure[0] == null) {
            failure[0] = imagePath(entry).map(p -> describe(e, p)).orElse(String.valueOf(e.getMessage()));
          }
        }
      });
    } catch (IOException e) {
      return Fact.unknown(describe(e, path));
    }
    return failure[0] == null ? Fact.known(total[0]) : Fact.unknown("could not read part of " + path + ": " + failure[0]);
  }

  /** A short reason for an I/O failure, naming the image path rather than the host path. */
  public static String describe(IOException e, ImagePath path) {
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + path;
    }
    String msg = e.getMessage();
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return kind + " at " + path + (msg == null ? "" : " (" + lastPart(msg) + ")");
  }

  private static String lastPart(String msg) {
    int colon = msg.lastIndexOf(": ");
    return colon >= 0 ? msg.substring(colon + 2) : msg;
  }
}

package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.EntryReader;
import dev.imageprep.agent.probe.common.EntryRemover;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Windows' file calls answered over a real directory tree: the tree holds the entries (a real
 * symlink stands for a junction, so removing it as a link leaves its target, and walking into it
 * would show), and per-path answers say what Windows would report on top — attributes, reparse
 * tags, a program holding the file open or mapped, a denied open. The answers follow the Win32
 * docs: CreateFileW fails with ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND / ERROR_SHARING_VIOLATION
 * / ERROR_ACCESS_DENIED; SetFileInformationByHandle(FileDispositionInfo) fails with
 * ERROR_ACCESS_DENIED (STATUS_CANNOT_DELETE) on a read-only or mapped file and ERROR_DIR_NOT_EMPTY on a
 * directory with entries; the entry goes when its handle closes.
 */
final class FakeWindows implements WinFileApi {

  /** What Windows says about one entry beyond what the tree shows. */
  static final class Answer {
    /** dwFileAttributes as Windows reports it; -1: derived from the tree. */
    int attributes = -1;
    int tag;
    /** A junction's target as stored ({@code \??\C:\Users\Default}). */
    String target;
    /** Another program has it open without FILE_SHARE_DELETE. */
    boolean heldOpen;
    /** A running program or library is mapped from it. */
    boolean mapped;
    /** Its ACL denies even FILE_READ_ATTRIBUTES. */
    boolean denyOpen;
    /** Its ACL denies listing (Windows' compatibility junctions: Everyone, deny list folder). */
    boolean denyList;
  }

  static final int ARCHIVE = 0x20;
  static final int VOLUME_SERIAL = 0x5A3C_91E2;

  private final Map<Path, Answer> answers = new HashMap<>();
  private final Map<Long, Path> handles = new HashMap<>();
  private final Set<Long> deleting = new HashSet<>();
  private long next = 0x100;
  /** Every call made, in order, for tests that check what was asked. */
  final List<String> calls = new ArrayList<>();

  Answer on(Path p) {
    return answers.computeIfAbsent(p.toAbsolutePath().normalize(), k -> new Answer());
  }

  /**
   * The real {@link WindowsEntries} over this fake, naming paths as the tree does, with directory
   * listings that Windows' ACLs would deny failing as they would.
   */
  Entries entries() {
    return new Entries(new WindowsEntries(this, p -> p.toAbsolutePath().normalize().toString()));
  }

  /** {@link WindowsEntries}, listing through the fake. */
  final class Entries implements EntryReader, EntryRemover {
    private final WindowsEntries real;

    Entries(WindowsEntries real) {
      this.real = real;
    }

    @Override
    public BasicFileAttributes read(Path entry) throws IOException {
      return real.read(entry);
    }

    @Override
    public void remove(Path entry, BasicFileAttributes seen) throws IOException {
      real.remove(entry, seen);
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
      return FakeWindows.this.list(directory);
    }
  }

  /** A junction as Windows makes its compatibility ones: SYSTEM, HIDDEN, NOT_CONTENT_INDEXED. */
  Path junction(Path link, Path target, boolean windowsMade) throws IOException {
    Files.createSymbolicLink(link, target);
    Answer a = on(link);
    a.attributes = ReparseTags.DIRECTORY | ReparseTags.REPARSE_POINT
        | (windowsMade ? ReparseTags.SYSTEM | ReparseTags.HIDDEN | 0x2000 : 0);
    a.tag = ReparseTags.MOUNT_POINT;
    a.target = "\\??\\C:\\" + target.getFileName();
    a.denyList = windowsMade;
    return link;
  }

  private Answer answer(Path p) {
    return answers.get(p.toAbsolutePath().normalize());
  }

  @Override
  public long open(String path, int access) throws WinError {
    Path p = Path.of(path);
    calls.add("open " + p.getFileName() + " 0x" + Integer.toHexString(access));
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new WinError("CreateFileW", Files.isDirectory(p.getParent()) ? WinError.FILE_NOT_FOUND
          : WinError.PATH_NOT_FOUND);
    }
    Answer a = answer(p);
    if (a != null && a.denyOpen) {
      throw new WinError("CreateFileW", WinError.ACCESS_DENIED);
    }
    if (a != null && a.heldOpen && (access & DELETE) != 0) {
      throw new WinError("CreateFileW", WinError.SHARING_VIOLATION);
    }
    long h = next++;
    handles.put(h, p);
    return h;
  }

  @Override
  public RawFileInfo info(long handle) throws WinError {
    return raw(path(handle), true);
  }

  @Override
  public RawFileInfo find(String path) throws WinError {
    calls.add("find " + Path.of(path).getFileName());
    Path p = Path.of(path);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new WinError("FindFirstFileExW", WinError.FILE_NOT_FOUND);
    }
    RawFileInfo r = raw(p, false);
    return RawFileInfo.found(r.attributes(), r.reparseTag(), r.size(), r.creation(), r.lastAccess(), r.lastWrite());
  }

  private RawFileInfo raw(Path p, boolean identified) {
    try {
      BasicFileAttributes b = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Map<String, Object> unix = Files.readAttributes(p, "unix:ino,nlink", LinkOption.NOFOLLOW_LINKS);
      Answer a = answer(p);
      int attributes;
      int tag = 0;
      if (b.isSymbolicLink()) {
        attributes = ReparseTags.REPARSE_POINT | (Files.isDirectory(p) ? ReparseTags.DIRECTORY : 0);
        tag = ReparseTags.SYMLINK;
      } else {
        attributes = b.isDirectory() ? ReparseTags.DIRECTORY : ARCHIVE;
      }
      if (a != null && a.attributes >= 0) {
        attributes = a.attributes;
      }
      if (a != null && a.tag != 0) {
        tag = a.tag;
      }
      long ino = ((Number) unix.get("ino")).longValue();
      int links = ((Number) unix.get("nlink")).intValue();
      long time = 133_000_000_000_000_000L; // a FILETIME in 2022
      return new RawFileInfo(attributes, (attributes & ReparseTags.REPARSE_POINT) != 0 ? tag : 0,
          b.isRegularFile() ? b.size() : 0, time, time, time, VOLUME_SERIAL, ino, links, identified);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] reparseData(long handle) throws WinError {
    Path p = path(handle);
    Answer a = answer(p);
    if (a != null && a.tag == ReparseTags.MOUNT_POINT) {
      return reparseBuffer(ReparseTags.MOUNT_POINT, a.target, a.target);
    }
    if (Files.isSymbolicLink(p)) {
      try {
        String t = Files.readSymbolicLink(p).toString();
        return reparseBuffer(ReparseTags.SYMLINK, t, t);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new WinError("DeviceIoControl", WinError.NOT_A_REPARSE_POINT);
  }

  @Override
  public void setAttributes(long handle, int attributes) {
    Path p = path(handle);
    calls.add("setAttributes " + p.getFileName() + " 0x" + Integer.toHexString(attributes));
    Answer a = on(p);
    int dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? ReparseTags.DIRECTORY : 0;
    int kept = a.attributes >= 0 ? a.attributes & (ReparseTags.REPARSE_POINT | ReparseTags.DIRECTORY) : dir;
    a.attributes = kept | (attributes == ReparseTags.NORMAL ? 0 : attributes);
  }

  @Override
  public void markForDeletion(long handle) throws WinError {
    Path p = path(handle);
    calls.add("markForDeletion " + p.getFileName());
    RawFileInfo r = raw(p, true);
    Answer a = answer(p);
    if (a != null && a.mapped || (r.attributes() & ReparseTags.READONLY) != 0) {
      throw new WinError("SetFileInformationByHandle", WinError.ACCESS_DENIED);
    }
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
        if (s.iterator().hasNext()) {
          throw new WinError("SetFileInformationByHandle", WinError.DIR_NOT_EMPTY);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    deleting.add(handle);
  }

  @Override
  public void close(long handle) {
    Path p = handles.remove(handle);
    if (deleting.remove(handle)) {
      try {
        Files.delete(p); // a symlink goes as a link, as a junction does
        answers.remove(p.toAbsolutePath().normalize());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Directories whose listing Windows denies: the compatibility junctions. */
  List<Path> list(Path dir) throws IOException {
    Answer a = answer(dir);
    calls.add("list " + dir.getFileName());
    if (a != null && a.denyList) {
      throw new java.nio.file.AccessDeniedException(dir.toString());
    }
    List<Path> names = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(n -> names.add(n.getFileName()));
    }
    return names;
  }

  /** The entry an open handle names. */
  Path path(long handle) {
    Path p = handles.get(handle);
    if (p == null) {
      throw new IllegalStateException("not an open handle: " + handle);
    }
    return p;
  }

  /** A REPARSE_DATA_BUFFER as DeviceIoControl(FSCTL_GET_REPARSE_POINT) returns it. */
  static byte[] reparseBuffer(int tag, String substitute, String print) {
    int pathBuffer = tag == ReparseTags.SYMLINK ? 20 : 16;
    byte[] sub = substitute.getBytes(StandardCharsets.UTF_16LE);
    byte[] pr = print.getBytes(StandardCharsets.UTF_16LE);
    ByteBuffer b = ByteBuffer.allocate(pathBuffer + sub.length + pr.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, tag);
    b.putShort(4, (short) (b.capacity() - 8));
    b.putShort(8, (short) 0);
    b.putShort(10, (short) sub.length);
    b.putShort(12, (short) (sub.length + 2));
    b.putShort(14, (short) pr.length);
    b.position(pathBuffer);
    b.put(sub).putShort((short) 0).put(pr);
    return b.array();
  }
}

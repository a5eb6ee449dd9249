package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.EntryKind;
import dev.imageprep.agent.probe.common.EntryReader;
import dev.imageprep.agent.probe.common.EntryRefusedException;
import dev.imageprep.agent.probe.common.EntryRefusedException.Why;
import dev.imageprep.agent.probe.common.EntryRemover;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Function;

/**
 * Looks at and removes Windows entries by what Windows itself says, through {@link WinFileApi}:
 *
 * <ul>
 *   <li>an entry is opened on itself ({@code FILE_FLAG_OPEN_REPARSE_POINT}) and classified by its
 *       reparse tag ({@link ReparseTags}), with its identity (volume serial, file index) and link
 *       count from {@code GetFileInformationByHandle}; when it cannot be opened (access denied,
 *       sharing violation) its directory's listing ({@code FindFirstFileExW}) says what it is, as the
 *       JDK does;
 *   <li>an entry is removed through a handle opened with {@code DELETE}, after checking on that very
 *       handle that it is still the entry the caller saw, that it is not one of Windows' own
 *       junctions and does not mount a volume; a read-only entry has the attribute cleared on the
 *       same handle (never through a link) first;
 *   <li>failures are told apart by error code, never by the localized message: a sharing or lock
 *       violation when opening, or {@code ERROR_ACCESS_DENIED} when a file that is not read-only is
 *       marked for deletion (NTSTATUS {@code STATUS_CANNOT_DELETE}: a program or library is mapped
 *       from it), is "in use".
 * </ul>
 */
public final class WindowsEntries implements EntryReader, EntryRemover {

  private static final int SETTABLE = ReparseTags.READONLY | ReparseTags.HIDDEN | ReparseTags.SYSTEM | 0x20 | 0x100
      | ReparseTags.OFFLINE | 0x2000; // SetFileAttributes' list: + ARCHIVE, TEMPORARY, NOT_CONTENT_INDEXED

  private final WinFileApi api;
  private final Function<Path, String> win32;

  /** @param win32 the name a Win32 call gets for a path (tests pass their trees' own names) */
  WindowsEntries(WinFileApi api, Function<Path, String> win32) {
    this.api = api;
    this.win32 = win32;
  }

  /** The running system's files, named by their extended-length paths. */
  public static WindowsEntries live() {
    return new WindowsEntries(new JnaFileApi(), ExtendedPaths::of);
  }

  @Override
  public BasicFileAttributes read(Path entry) throws IOException {
    String path = win32.apply(entry);
    long h;
    try {
      h = api.open(path, WinFileApi.FILE_READ_ATTRIBUTES);
    } catch (WinError e) {
      return fromListing(entry, path, e);
    }
    try {
      RawFileInfo raw = api.info(h);
      return WindowsEntryAttributes.of(raw, mountsVolume(h, raw));
    } catch (WinError e) {
      throw e.toIOException(entry.toString());
    } finally {
      api.close(h);
    }
  }

  private WindowsEntryAttributes fromListing(Path entry, String path, WinError openFailure) throws IOException {
    if (openFailure.isMissing()) {
      throw new NoSuchFileException(entry.toString());
    }
    if (openFailure.code() != WinError.ACCESS_DENIED && openFailure.code() != WinError.SHARING_VIOLATION) {
      throw openFailure.toIOException(entry.toString());
    }
    try {
      RawFileInfo listed = api.find(path);
      // a mount point we cannot open might mount a volume: say so, so nothing removes it
      return WindowsEntryAttributes.of(listed, listed.isReparsePoint() && listed.reparseTag() == ReparseTags.MOUNT_POINT);
    } catch (WinError e) {
      throw (e.isMissing() ? e : openFailure).toIOException(entry.toString());
    }
  }

  /** A mount-point reparse point whose target is a volume ({@code \??\Volume{…}\}), not a folder. */
  private boolean mountsVolume(long handle, RawFileInfo raw) {
    if (!raw.isReparsePoint() || raw.reparseTag() != ReparseTags.MOUNT_POINT) {
      return false;
    }
    try {
      String target = JunctionReader.parse(api.reparseData(handle));
      return target.regionMatches(true, 0, "\\??\\Volume{", 0, 11);
    } catch (WinError | IOException e) {
      return true; // cannot tell: never remove it
    }
  }

  @Override
  public void remove(Path entry, BasicFileAttributes seen) throws IOException {
    String path = win32.apply(entry);
    long h = openForDelete(entry, path);
    try {
      RawFileInfo raw = api.info(h);
      WindowsEntryAttributes now = WindowsEntryAttributes.of(raw, mountsVolume(h, raw));
      check(entry, seen, now);
      try {
        api.markForDeletion(h);
      } catch (WinError e) {
        if (e.code() != WinError.ACCESS_DENIED || !now.isReadOnly()) {
          throw deleteRefusal(entry, e);
        }
        deleteReadOnly(entry, h, raw.attributes());
      }
    } catch (WinError e) {
      throw e.toIOException(entry.toString());
    } finally {
      api.close(h); // the entry goes when its last handle closes
    }
  }

  private long openForDelete(Path entry, String path) throws IOException {
    try {
      return api.open(path, WinFileApi.DELETE | WinFileApi.FILE_READ_ATTRIBUTES | WinFileApi.FILE_WRITE_ATTRIBUTES);
    } catch (WinError e) {
      if (e.code() != WinError.ACCESS_DENIED) {
        throw openRefusal(entry, e);
      }
    }
    try { // some ACLs allow deleting but not changing attributes
      return api.open(path, WinFileApi.DELETE | WinFileApi.FILE_READ_ATTRIBUTES);
    } catch (WinError e) {
      throw openRefusal(entry, e);
    }
  }

  /** The checks made on the handle that will delete: nothing can swap the entry in between. */
  private static void check(Path entry, BasicFileAttributes seen, WindowsEntryAttributes now) throws IOException {
    String name = entry.toString();
    if (seen.fileKey() != null && !Objects.equals(seen.fileKey(), now.fileKey())
        || EntryKind.of(seen) != now.kind()) {
      throw new EntryRefusedException(name, Why.REPLACED, "another file took its name");
    }
    if (now.systemLink()) {
      throw new EntryRefusedException(name, Why.PROTECTED, "a compatibility junction Windows made (SYSTEM, HIDDEN)");
    }
    if (now.mountsVolume()) {
      throw new EntryRefusedException(name, Why.OTHER_VOLUME, "a volume is mounted here");
    }
  }

  /** Clears READONLY on the open handle, deletes, and puts the attribute back if Windows still refuses. */
  private void deleteReadOnly(Path entry, long h, int attributes) throws IOException, WinError {
    int writable = attributes & SETTABLE & ~ReparseTags.READONLY;
    api.setAttributes(h, writable == 0 ? ReparseTags.NORMAL : writable);
    try {
      api.markForDeletion(h);
    } catch (WinError e) {
      api.setAttributes(h, attributes & SETTABLE);
      throw deleteRefusal(entry, e);
    }
  }

  /** A failed open: another program's handle shares no deletion; access denied is a permission. */
  private static IOException openRefusal(Path entry, WinError e) {
    if (e.code() == WinError.SHARING_VIOLATION || e.code() == WinError.LOCK_VIOLATION) {
      return new EntryRefusedException(entry.toString(), Why.IN_USE, "another program has it open");
    }
    return e.toIOException(entry.toString());
  }

  /**
   * A failed deletion through a handle we could open with {@code DELETE}: access denied there is
   * {@code STATUS_CANNOT_DELETE} (a mapped program or library; read-only was cleared before).
   */
  private static IOException deleteRefusal(Path entry, WinError e) {
    if (e.code() == WinError.ACCESS_DENIED) {
      return new EntryRefusedException(entry.toString(), Why.IN_USE, "a running program or library is loaded from it");
    }
    return openRefusal(entry, e);
  }
}

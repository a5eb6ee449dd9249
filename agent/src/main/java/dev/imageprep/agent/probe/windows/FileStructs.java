package dev.imageprep.agent.probe.windows;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The Win32 file structures imageprep reads and writes itself, mapped field by field as fileapi.h and
 * minwinbase.h declare them (jna-platform's {@code WIN32_FIND_DATA} maps names as Java {@code
 * char[]}, whose native width is not two bytes on every platform, and it has no {@code
 * BY_HANDLE_FILE_INFORMATION}). Their x64 layout is checked by {@code FileStructsTest}.
 */
final class FileStructs {

  private FileStructs() {}

  static final int FILE_BASIC_INFO_CLASS = 0;
  static final int FILE_DISPOSITION_INFO_CLASS = 4;
  static final int FILE_ATTRIBUTE_TAG_INFO_CLASS = 9;

  /** {@code BY_HANDLE_FILE_INFORMATION}: 52 bytes, every field a DWORD (FILETIME is two). */
  @FieldOrder({"dwFileAttributes", "ftCreationTimeLow", "ftCreationTimeHigh", "ftLastAccessTimeLow",
      "ftLastAccessTimeHigh", "ftLastWriteTimeLow", "ftLastWriteTimeHigh", "dwVolumeSerialNumber", "nFileSizeHigh",
      "nFileSizeLow", "nNumberOfLinks", "nFileIndexHigh", "nFileIndexLow"})
  public static final class ByHandleFileInformation extends Structure {
    public int dwFileAttributes;
    public int ftCreationTimeLow;
    public int ftCreationTimeHigh;
    public int ftLastAccessTimeLow;
    public int ftLastAccessTimeHigh;
    public int ftLastWriteTimeLow;
    public int ftLastWriteTimeHigh;
    public int dwVolumeSerialNumber;
    public int nFileSizeHigh;
    public int nFileSizeLow;
    public int nNumberOfLinks;
    public int nFileIndexHigh;
    public int nFileIndexLow;

    /** With the tag {@code FILE_ATTRIBUTE_TAG_INFO} gave for the same handle. */
    RawFileInfo toRaw(int reparseTag) {
      return new RawFileInfo(dwFileAttributes, reparseTag, join(nFileSizeHigh, nFileSizeLow),
          join(ftCreationTimeHigh, ftCreationTimeLow), join(ftLastAccessTimeHigh, ftLastAccessTimeLow),
          join(ftLastWriteTimeHigh, ftLastWriteTimeLow), dwVolumeSerialNumber, join(nFileIndexHigh, nFileIndexLow),
          nNumberOfLinks, true);
    }
  }

  /** {@code FILE_ATTRIBUTE_TAG_INFO}: two DWORDs. */
  @FieldOrder({"FileAttributes", "ReparseTag"})
  public static final class FileAttributeTagInfo extends Structure {
    public int FileAttributes;
    public int ReparseTag;
  }

  /**
   * {@code FILE_BASIC_INFO}: four LARGE_INTEGER times and a DWORD, 40 bytes with the padding x64
   * alignment adds. A time of 0 leaves that time as it is.
   */
  @FieldOrder({"CreationTime", "LastAccessTime", "LastWriteTime", "ChangeTime", "FileAttributes"})
  public static final class FileBasicInfo extends Structure {
    public long CreationTime;
    public long LastAccessTime;
    public long LastWriteTime;
    public long ChangeTime;
    public int FileAttributes;
  }

  /** {@code WIN32_FIND_DATAW}: 592 bytes; the names are WCHAR arrays (MAX_PATH and 14). */
  @FieldOrder({"dwFileAttributes", "ftCreationTimeLow", "ftCreationTimeHigh", "ftLastAccessTimeLow",
      "ftLastAccessTimeHigh", "ftLastWriteTimeLow", "ftLastWriteTimeHigh", "nFileSizeHigh", "nFileSizeLow",
      "dwReserved0", "dwReserved1", "cFileName", "cAlternateFileName"})
  public static final class Win32FindDataW extends Structure {
    public int dwFileAttributes;
    public int ftCreationTimeLow;
    public int ftCreationTimeHigh;
    public int ftLastAccessTimeLow;
    public int ftLastAccessTimeHigh;
    public int ftLastWriteTimeLow;
    public int ftLastWriteTimeHigh;
    public int nFileSizeHigh;
    public int nFileSizeLow;
    /** The reparse tag, when {@code FILE_ATTRIBUTE_REPARSE_POINT} is set ("Reparse Point Tags"). */
    public int dwReserved0;
    public int dwReserved1;
    public byte[] cFileName = new byte[2 * 260];
    public byte[] cAlternateFileName = new byte[2 * 14];

    RawFileInfo toRaw() {
      boolean reparse = (dwFileAttributes & ReparseTags.REPARSE_POINT) != 0;
      return RawFileInfo.found(dwFileAttributes, reparse ? dwReserved0 : 0, join(nFileSizeHigh, nFileSizeLow),
          join(ftCreationTimeHigh, ftCreationTimeLow), join(ftLastAccessTimeHigh, ftLastAccessTimeLow),
          join(ftLastWriteTimeHigh, ftLastWriteTimeLow));
    }
  }

  static long join(int high, int low) {
    return ((long) high << 32) | Integer.toUnsignedLong(low);
  }
}

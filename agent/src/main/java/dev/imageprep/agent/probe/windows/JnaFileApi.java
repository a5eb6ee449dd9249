package dev.imageprep.agent.probe.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;

/** {@link WinFileApi} through JNA: kernel32's file calls, with {@code GetLastError} as JNA saved it. */
final class JnaFileApi implements WinFileApi {

  /** The kernel32 functions jna-platform does not map, or maps with structures we lay out ourselves. */
  interface Kernel32Files extends StdCallLibrary {
    Kernel32Files INSTANCE = Native.load("kernel32", Kernel32Files.class);

    Pointer CreateFileW(WString name, int access, int share, Pointer security, int disposition, int flags,
        Pointer template);

    boolean GetFileInformationByHandle(Pointer handle, FileStructs.ByHandleFileInformation info);

    boolean GetFileInformationByHandleEx(Pointer handle, int infoClass, Pointer buffer, int size);

    boolean SetFileInformationByHandle(Pointer handle, int infoClass, Pointer buffer, int size);

    Pointer FindFirstFileExW(WString name, int infoLevel, FileStructs.Win32FindDataW data, int searchOp,
        Pointer filter, int flags);

    boolean FindClose(Pointer handle);

    boolean DeviceIoControl(Pointer handle, int code, Pointer in, int inSize, Pointer out, int outSize,
        IntByReference returned, Pointer overlapped);

    boolean CloseHandle(Pointer handle);
  }

  private static final int SHARE_ALL = 0x1 | 0x2 | 0x4; // FILE_SHARE_READ | WRITE | DELETE
  private static final int OPEN_EXISTING = 3;
  private static final int OPEN_REPARSE_POINT = 0x00200000;
  private static final int BACKUP_SEMANTICS = 0x02000000;
  private static final int FSCTL_GET_REPARSE_POINT = 0x000900A8;
  private static final int MAXIMUM_REPARSE_DATA_BUFFER_SIZE = 16 * 1024;
  private static final int FIND_EX_INFO_BASIC = 1;
  private static final long INVALID_HANDLE = -1L;

  /** kernel32, loaded on first use: building the probes must work on any platform. */
  private static Kernel32Files k32() throws WinError {
    try {
      return Kernel32Files.INSTANCE;
    } catch (LinkageError e) {
      throw new WinError("loading kernel32 through JNA (" + e.getMessage() + ")", 0);
    }
  }

  @Override
  public long open(String path, int access) throws WinError {
    Pointer h = k32().CreateFileW(new WString(path), access, SHARE_ALL, null, OPEN_EXISTING,
        OPEN_REPARSE_POINT | BACKUP_SEMANTICS, null);
    long value = Pointer.nativeValue(h);
    if (value == INVALID_HANDLE || value == 0) {
      throw new WinError("CreateFileW", Native.getLastError());
    }
    return value;
  }

  @Override
  public RawFileInfo info(long handle) throws WinError {
    FileStructs.ByHandleFileInformation info = new FileStructs.ByHandleFileInformation();
    if (!k32().GetFileInformationByHandle(new Pointer(handle), info)) {
      throw new WinError("GetFileInformationByHandle", Native.getLastError());
    }
    int tag = 0;
    if ((info.dwFileAttributes & ReparseTags.REPARSE_POINT) != 0) {
      FileStructs.FileAttributeTagInfo tagInfo = new FileStructs.FileAttributeTagInfo();
      if (!k32().GetFileInformationByHandleEx(new Pointer(handle), FileStructs.FILE_ATTRIBUTE_TAG_INFO_CLASS,
          tagInfo.getPointer(), tagInfo.size())) {
        throw new WinError("GetFileInformationByHandleEx(FileAttributeTagInfo)", Native.getLastError());
      }
      tagInfo.read();
      tag = tagInfo.ReparseTag;
    }
    return info.toRaw(tag);
  }

  @Override
  public RawFileInfo find(String path) throws WinError {
    FileStructs.Win32FindDataW data = new FileStructs.Win32FindDataW();
    Pointer h = k32().FindFirstFileExW(new WString(path), FIND_EX_INFO_BASIC, data, 0, null, 0);
    if (Pointer.nativeValue(h) == INVALID_HANDLE) {
      throw new WinError("FindFirstFileExW", Native.getLastError());
    }
    Kernel32Files.INSTANCE.FindClose(h);
    return data.toRaw();
  }

  @Override
  public byte[] reparseData(long handle) throws WinError {
    Memory buf = new Memory(MAXIMUM_REPARSE_DATA_BUFFER_SIZE);
    IntByReference returned = new IntByReference();
    if (!k32().DeviceIoControl(new Pointer(handle), FSCTL_GET_REPARSE_POINT, null, 0, buf, (int) buf.size(), returned,
        null)) {
      throw new WinError("DeviceIoControl(FSCTL_GET_REPARSE_POINT)", Native.getLastError());
    }
    return buf.getByteArray(0, returned.getValue());
  }

  @Override
  public void setAttributes(long handle, int attributes) throws WinError {
    FileStructs.FileBasicInfo basic = new FileStructs.FileBasicInfo(); // times 0: unchanged
    basic.FileAttributes = attributes;
    basic.write();
    if (!k32().SetFileInformationByHandle(new Pointer(handle), FileStructs.FILE_BASIC_INFO_CLASS, basic.getPointer(),
        basic.size())) {
      throw new WinError("SetFileInformationByHandle(FileBasicInfo)", Native.getLastError());
    }
  }

  @Override
  public void markForDeletion(long handle) throws WinError {
    Memory disposition = new Memory(1); // FILE_DISPOSITION_INFO: one BOOLEAN
    disposition.setByte(0, (byte) 1);
    if (!k32().SetFileInformationByHandle(new Pointer(handle), FileStructs.FILE_DISPOSITION_INFO_CLASS, disposition,
        1)) {
      throw new WinError("SetFileInformationByHandle(FileDispositionInfo)", Native.getLastError());
    }
  }

  @Override
  public void close(long handle) {
    Kernel32Files.INSTANCE.CloseHandle(new Pointer(handle)); // only handles we opened reach here
  }
}

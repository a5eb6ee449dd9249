package dev.imageprep.agent.probe.windows;

/**
 * The few Win32 file calls imageprep makes itself, as a seam: {@link JnaFileApi} calls Windows, and
 * tests answer as Windows does (attributes, tags, error codes). Every path is in extended form
 * ({@link ExtendedPaths}); every handle is opened on the entry itself ({@code
 * FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_BACKUP_SEMANTICS}), so no link is ever followed.
 */
interface WinFileApi {

  int FILE_READ_ATTRIBUTES = 0x80;
  int FILE_WRITE_ATTRIBUTES = 0x100;
  int DELETE = 0x10000;
  int READ_CONTROL = 0x20000;
  int WRITE_DAC = 0x40000;

  /** {@code CreateFileW(path, access, FILE_SHARE_READ|WRITE|DELETE, OPEN_EXISTING, OPEN_REPARSE_POINT|BACKUP_SEMANTICS)}. */
  long open(String path, int access) throws WinError;

  /** {@code GetFileInformationByHandle} and {@code GetFileInformationByHandleEx(FileAttributeTagInfo)}. */
  RawFileInfo info(long handle) throws WinError;

  /** {@code FindFirstFileExW(path, FindExInfoBasic)}: the entry as its directory lists it. */
  RawFileInfo find(String path) throws WinError;

  /** {@code DeviceIoControl(FSCTL_GET_REPARSE_POINT)}: the raw {@code REPARSE_DATA_BUFFER}. */
  byte[] reparseData(long handle) throws WinError;

  /** {@code SetFileInformationByHandle(FileBasicInfo)} with unchanged times. */
  void setAttributes(long handle, int attributes) throws WinError;

  /** {@code SetFileInformationByHandle(FileDispositionInfo, DeleteFile = TRUE)}: gone when the handle closes. */
  void markForDeletion(long handle) throws WinError;

  void close(long handle);
}

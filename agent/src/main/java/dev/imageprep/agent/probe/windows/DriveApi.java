package dev.imageprep.agent.probe.windows;

import java.util.List;
import java.util.Map;

/**
 * The drive calls the live probe makes, as a seam: {@link JnaDriveApi} asks kernel32 and OSHI,
 * tests answer as Windows does (a drive without media fails {@code GetDiskFreeSpaceExW} with
 * {@code ERROR_NOT_READY}, 21).
 */
interface DriveApi {

  /** {@code GetLogicalDriveStringsW}: {@code C:\}, {@code D:\}, … */
  List<String> roots() throws WinError;

  /** {@code GetDriveTypeW}. */
  int type(String root);

  /** {@code GetDiskFreeSpaceExW}: bytes available to this user, total, free. */
  Space space(String root) throws WinError;

  /** {@code GetVolumeInformationW}: label and filesystem name. */
  Volume volume(String root) throws WinError;

  /** The disk model of each drive letter (OSHI), where it can be told. */
  Map<Character, String> diskModels();

  record Space(long available, long total, long free) {}

  record Volume(String label, String fileSystem) {}
}

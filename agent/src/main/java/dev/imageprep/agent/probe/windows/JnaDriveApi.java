package dev.imageprep.agent.probe.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;

/** {@link DriveApi} through jna-platform's kernel32 mapping and OSHI's disk list. */
final class JnaDriveApi implements DriveApi {

  @Override
  public List<String> roots() {
    return Kernel32Util.getLogicalDriveStrings().stream().filter(r -> !r.isEmpty()).toList();
  }

  @Override
  public int type(String root) {
    return Kernel32Util.getDriveType(root);
  }

  @Override
  public Space space(String root) throws WinError {
    WinNT.LARGE_INTEGER available = new WinNT.LARGE_INTEGER();
    WinNT.LARGE_INTEGER total = new WinNT.LARGE_INTEGER();
    WinNT.LARGE_INTEGER free = new WinNT.LARGE_INTEGER();
    if (!Kernel32.INSTANCE.GetDiskFreeSpaceEx(root, available, total, free)) {
      throw new WinError("GetDiskFreeSpaceExW", Native.getLastError());
    }
    return new Space(available.getValue(), total.getValue(), free.getValue());
  }

  @Override
  public Volume volume(String root) throws WinError {
    char[] label = new char[WinBase.MAX_PATH + 1];
    char[] fs = new char[WinBase.MAX_PATH + 1];
    if (!Kernel32.INSTANCE.GetVolumeInformation(root, label, label.length, new IntByReference(), new IntByReference(),
        new IntByReference(), fs, fs.length)) {
      throw new WinError("GetVolumeInformationW", Native.getLastError());
    }
    return new Volume(Native.toString(label), Native.toString(fs));
  }

  @Override
  public Map<Character, String> diskModels() {
    Map<Character, String> out = new HashMap<>();
    for (HWDiskStore disk : new SystemInfo().getHardware().getDiskStores()) {
      for (HWPartition p : disk.getPartitions()) {
        String mount = p.getMountPoint();
        if (mount != null && mount.length() >= 2 && mount.charAt(1) == ':') {
          out.put(Character.toUpperCase(mount.charAt(0)), disk.getModel());
        }
      }
    }
    return out;
  }
}

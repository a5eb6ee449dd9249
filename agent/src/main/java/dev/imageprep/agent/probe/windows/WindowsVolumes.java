package dev.imageprep.agent.probe.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.WindowsVolume;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;

/**
 * The drives of the running system: letters, types and space through Kernel32 ({@code
 * GetLogicalDriveStrings}, {@code GetDriveType}, {@code GetDiskFreeSpaceEx}, {@code
 * GetVolumeInformation}), and which disk each lies on through OSHI, whose disk model tells EC2
 * instance storage ("Amazon EC2 NVMe Instance Storage") from EBS ("Amazon Elastic Block Store").
 */
public final class WindowsVolumes {

  private WindowsVolumes() {}

  public static Fact<List<WindowsVolume>> list() {
    try {
      Map<Character, String> models = diskModels();
      List<WindowsVolume> out = new ArrayList<>();
      for (String root : Kernel32Util.getLogicalDriveStrings()) {
        if (root.isEmpty()) {
          continue;
        }
        char letter = Character.toUpperCase(root.charAt(0));
        String kind = kind(Kernel32Util.getDriveType(root));
        WinNT.LARGE_INTEGER available = new WinNT.LARGE_INTEGER();
        WinNT.LARGE_INTEGER total = new WinNT.LARGE_INTEGER();
        WinNT.LARGE_INTEGER free = new WinNT.LARGE_INTEGER();
        boolean space = Kernel32.INSTANCE.GetDiskFreeSpaceEx(root, available, total, free);
        char[] label = new char[WinBase.MAX_PATH + 1];
        char[] fs = new char[WinBase.MAX_PATH + 1];
        boolean info = Kernel32.INSTANCE.GetVolumeInformation(root, label, label.length, new IntByReference(),
            new IntByReference(), new IntByReference(), fs, fs.length);
        String volumeLabel = info ? new String(label).trim() : "";
        String model = models.get(letter);
        out.add(new WindowsVolume(letter, kind, volumeLabel, info ? new String(fs).trim() : "",
            space ? total.getValue() : 0, space ? free.getValue() : 0, instanceStore(model, volumeLabel),
            model == null ? "disk model unknown" : "disk model \"" + model + "\""));
      }
      return Fact.known(out);
    } catch (RuntimeException | LinkageError e) {
      return Fact.unknown("cannot list the drives: " + e);
    }
  }

  /** True for instance storage, false for EBS, null when the model and label do not say. */
  static Boolean instanceStore(String model, String label) {
    String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
    if (m.contains("instance storage") || label.toLowerCase(Locale.ROOT).startsWith("temporary storage")) {
      return Boolean.TRUE;
    }
    if (m.contains("elastic block store")) {
      return Boolean.FALSE;
    }
    return null;
  }

  static String kind(int driveType) {
    return switch (driveType) {
      case WinBase.DRIVE_REMOVABLE -> "removable";
      case WinBase.DRIVE_FIXED -> "fixed";
      case WinBase.DRIVE_REMOTE -> "network";
      case WinBase.DRIVE_CDROM -> "cdrom";
      case WinBase.DRIVE_RAMDISK -> "ram";
      default -> "unknown";
    };
  }

  private static Map<Character, String> diskModels() {
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

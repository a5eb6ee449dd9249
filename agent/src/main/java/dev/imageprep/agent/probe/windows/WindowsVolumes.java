package dev.imageprep.agent.probe.windows;

import com.sun.jna.platform.win32.WinBase;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.WindowsVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The drives of the running system: letters, types and space through kernel32 ({@code
 * GetLogicalDriveStringsW}, {@code GetDriveTypeW}, {@code GetDiskFreeSpaceExW}, {@code
 * GetVolumeInformationW}), and which disk each lies on through OSHI, whose disk model tells EC2
 * instance storage ("Amazon EC2 NVMe Instance Storage") from EBS ("Amazon Elastic Block Store"). A
 * drive whose space cannot be read says so; it is never taken for an empty one.
 */
public final class WindowsVolumes {

  private final DriveApi api;

  WindowsVolumes(DriveApi api) {
    this.api = api;
  }

  public static Fact<List<WindowsVolume>> list() {
    return new WindowsVolumes(new JnaDriveApi()).read();
  }

  Fact<List<WindowsVolume>> read() {
    try {
      Map<Character, String> models = api.diskModels();
      List<WindowsVolume> out = new ArrayList<>();
      for (String root : api.roots()) {
        out.add(volume(root, models.get(Character.toUpperCase(root.charAt(0)))));
      }
      return Fact.known(out);
    } catch (WinError e) {
      return Fact.unknown("cannot list the drives: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return Fact.unknown("cannot list the drives: " + e);
    }
  }

  private WindowsVolume volume(String root, String model) {
    char letter = Character.toUpperCase(root.charAt(0));
    String kind = kind(api.type(root));
    String label = "";
    String fs = "";
    try {
      DriveApi.Volume v = api.volume(root);
      label = v.label();
      fs = v.fileSystem();
    } catch (WinError e) {
      // no label then; the disk model may still tell what the drive is
    }
    String evidence = model == null ? "disk model unknown" : "disk model \"" + model + "\"";
    Boolean store = instanceStore(model, label);
    try {
      DriveApi.Space s = api.space(root);
      return new WindowsVolume(letter, kind, label, fs, s.total(), s.free(), store, evidence);
    } catch (WinError e) {
      return new WindowsVolume(letter, kind, label, fs, 0, 0, store, evidence, e.getMessage());
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
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.rules.host.PendingUpdates;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The pure parts of the JNA probes: what they make of what Windows returns. */
class WindowsProbeUnitsTest {

  @Test
  void linkTargetsOnTheImageDriveBecomeImagePathsAndOthersAreRefused() throws IOException {
    assertThat(WindowsLinks.toImage("C:\\ProgramData", 'C')).isEqualTo("/ProgramData");
    assertThat(WindowsLinks.toImage("\\??\\c:\\Users\\Default", 'C')).isEqualTo("/Users/Default");
    assertThat(WindowsLinks.toImage("C:\\", 'C')).isEqualTo("/");
    assertThat(WindowsLinks.toImage("..\\Roaming", 'C')).isEqualTo("../Roaming");
    assertThat(WindowsLinks.toImage("\\Windows\\Temp", 'C')).isEqualTo("/Windows/Temp");
    assertThatThrownBy(() -> WindowsLinks.toImage("D:\\Users\\alice", 'C')).hasMessageContaining("another drive");
    assertThatThrownBy(() -> WindowsLinks.toImage("\\??\\Volume{1b3c5f7e-0000-0000-0000-100000000000}\\", 'C'))
        .hasMessageContaining("another volume");
    assertThatThrownBy(() -> WindowsLinks.toImage("\\\\server\\share", 'C')).hasMessageContaining("network");
    assertThatThrownBy(() -> WindowsLinks.toImage("C:relative", 'C')).hasMessageContaining("current directory");
  }

  @Test
  void junctionReparseDataNamesItsTarget() throws IOException {
    assertThat(JunctionReader.parse(FakeWindows.reparseBuffer(JunctionReader.IO_REPARSE_TAG_MOUNT_POINT,
        "\\??\\C:\\Users\\Default", "C:\\Users\\Default"))).isEqualTo("\\??\\C:\\Users\\Default");
    assertThat(JunctionReader.parse(FakeWindows.reparseBuffer(JunctionReader.IO_REPARSE_TAG_SYMLINK, "..\\x", "..\\x")))
        .isEqualTo("..\\x");
    assertThatThrownBy(() -> JunctionReader.parse(FakeWindows.reparseBuffer(0x9000001A, "x", "x")))
        .hasMessageContaining("0x9000001A");
    byte[] truncated = FakeWindows.reparseBuffer(JunctionReader.IO_REPARSE_TAG_MOUNT_POINT, "\\??\\C:\\x", "C:\\x");
    assertThatThrownBy(() -> JunctionReader.parse(java.util.Arrays.copyOf(truncated, 20)))
        .hasMessageContaining("out of bounds");
  }

  /** Feature updates are told by their classification, not by an English title. */
  @Test
  void windowsUpdateOutputLeavesFeatureUpdatesOutByCategory() {
    String security = "0fa1201d-4330-4fa8-8ae9-b877473b6441";
    PendingUpdates u = WindowsUpdates.parse("UPDATE " + security + " 2024-05 Kumulatives Update für Windows Server"
        + " 2019 (KB5037765)\r\n"
        + "UPDATE " + WindowsUpdates.UPGRADES.toUpperCase() + ",a3c2375d-0c8a-42f9-bce0-28333e198407 Funktionsupdate"
        + " für Windows 10, Version 22H2\r\n"
        + "UPDATE  Feature update to Windows 11 mislabeled without categories\r\nDONE 3\r\n").value();
    assertThat(u.packages()).containsExactly("2024-05 Kumulatives Update für Windows Server 2019 (KB5037765)",
        "Feature update to Windows 11 mislabeled without categories");
    assertThat(WindowsUpdates.parse("DONE 0\n").value().packages()).isEmpty();
    assertThat(WindowsUpdates.parse("UPDATE x y\n").isKnown()).isFalse();
    assertThat(new WindowsUpdates((c, t) -> java.util.Optional.empty(), null).pending().reason())
        .contains("mounted volume");
  }

  @Test
  void diskModelsAndLabelsTellInstanceStore() {
    assertThat(WindowsVolumes.instanceStore("Amazon EC2 NVMe Instance Storage", "")).isTrue();
    assertThat(WindowsVolumes.instanceStore(null, "Temporary Storage 0")).isTrue();
    assertThat(WindowsVolumes.instanceStore("Amazon Elastic Block Store", "Data")).isFalse();
    assertThat(WindowsVolumes.instanceStore("AWS PVDISK SCSI Disk Device", "")).isNull();
  }

  /**
   * A drive whose GetDiskFreeSpaceExW fails (ERROR_NOT_READY, 21, for a drive still initialising or
   * without media; ERROR_ACCESS_DENIED, 5) has unknown space, never 0 of 0 bytes.
   */
  @Test
  void aDriveWhoseSpaceCannotBeReadIsNotAnEmptyDrive() {
    DriveApi windows = new DriveApi() {
      @Override
      public java.util.List<String> roots() {
        return java.util.List.of("C:\\", "D:\\");
      }

      @Override
      public int type(String root) {
        return com.sun.jna.platform.win32.WinBase.DRIVE_FIXED;
      }

      @Override
      public Space space(String root) throws WinError {
        if (root.startsWith("D")) {
          throw new WinError("GetDiskFreeSpaceExW", 21);
        }
        return new Space(30L << 30, 80L << 30, 30L << 30);
      }

      @Override
      public Volume volume(String root) {
        return new Volume(root.startsWith("D") ? "Temporary Storage 0" : "", "NTFS");
      }

      @Override
      public java.util.Map<Character, String> diskModels() {
        return java.util.Map.of('C', "Amazon Elastic Block Store", 'D', "Amazon EC2 NVMe Instance Storage");
      }
    };
    java.util.List<dev.imageprep.rules.host.WindowsVolume> volumes = new WindowsVolumes(windows).read().value();
    assertThat(volumes.get(0).spaceKnown()).isTrue();
    assertThat(volumes.get(0).totalBytes()).isEqualTo(80L << 30);
    assertThat(volumes.get(1).spaceKnown()).isFalse();
    assertThat(volumes.get(1).spaceUnknown()).contains("error 21");
    assertThat(volumes.get(1).instanceStore()).isTrue();
  }
}

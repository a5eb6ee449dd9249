package dev.imageprep.agent.probe.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.WindowsProbe;
import dev.imageprep.rules.host.WindowsVolume;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The running Windows machine: its drives (Kernel32, OSHI), other drives' files, elevation (Advapi32). */
final class LiveWindowsProbe implements WindowsProbe {

  private final FileSystem fs;
  private final char systemDrive;
  private Fact<List<WindowsVolume>> volumes;

  LiveWindowsProbe(FileSystem fs, char systemDrive) {
    this.fs = fs;
    this.systemDrive = Character.toUpperCase(systemDrive);
  }

  @Override
  public char systemDrive() {
    return systemDrive;
  }

  @Override
  public Fact<List<WindowsVolume>> volumes() {
    if (volumes == null) {
      volumes = WindowsVolumes.list();
    }
    return volumes;
  }

  @Override
  public Fact<ImageFiles> drive(char letter) {
    Path root = fs.getPath(Character.toUpperCase(letter) + ":\\");
    if (!Files.isDirectory(root)) {
      return Fact.unknown("there is no drive " + Character.toUpperCase(letter) + ":");
    }
    return Fact.known(WindowsHost.liveFiles(root, letter, WindowsEntries.live()));
  }

  @Override
  public Fact<Boolean> elevated() {
    try {
      return Fact.known(Advapi32Util.isCurrentProcessElevated());
    } catch (RuntimeException | LinkageError e) {
      return Fact.unknown("cannot read this process's token: " + e);
    }
  }
}

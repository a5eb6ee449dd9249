package dev.imageprep.rules.host;

import java.util.List;

/**
 * Facts about a Windows machine that are not in its registry or on its system volume: the other
 * drives, and whether this process runs elevated. Offline (a mounted volume) only the system volume
 * is there, and these facts are unknown.
 */
public interface WindowsProbe {

  /** The drive letter of the image's system volume, the one {@link HostFacts#files()} shows. */
  default char systemDrive() {
    return 'C';
  }

  /** @return the machine's drives, or {@code Unknown} (offline, or the drives cannot be listed) */
  Fact<List<WindowsVolume>> volumes();

  /**
   * The files of another drive of the machine ({@code D:}, the WorkSpaces user volume).
   *
   * @return the drive's files, or {@code Unknown} when the drive is not available (offline mode shows
   *     only the volume given with {@code --root})
   */
  Fact<ImageFiles> drive(char letter);

  /** @return whether this process runs with an elevated (administrator) token, or {@code Unknown} */
  Fact<Boolean> elevated();

  /** A probe for platforms and modes where none of this can be known. */
  static WindowsProbe unavailable(String reason) {
    return new WindowsProbe() {
      @Override
      public Fact<List<WindowsVolume>> volumes() {
        return Fact.unknown(reason);
      }

      @Override
      public Fact<ImageFiles> drive(char letter) {
        return Fact.unknown(reason);
      }

      @Override
      public Fact<Boolean> elevated() {
        return Fact.unknown(reason);
      }
    };
  }
}

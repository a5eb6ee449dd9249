package dev.imageprep.rules.host;

import java.util.List;

/**
 * A mount, live from {@code /proc/self/mountinfo} or configured in the image's {@code /etc/fstab}.
 *
 * @param options per-mount and superblock options together ({@code rw}, {@code noexec}, ...)
 * @param origin where it was read: {@code mountinfo}, {@code fstab} or {@code systemd-unit}
 */
public record MountEntry(ImagePath mountPoint, String source, String fsType, List<String> options, String origin) {

  public MountEntry {
    options = List.copyOf(options);
  }

  public boolean hasOption(String option) {
    return options.contains(option);
  }
}

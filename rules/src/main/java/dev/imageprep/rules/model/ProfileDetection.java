package dev.imageprep.rules.model;

import java.util.List;

/**
 * What {@code --profile auto} saw and what it chose from it.
 *
 * @param seen every sign found in the image, with the profile it points to
 * @param fallback true when no sign pointed anywhere and the platform's generic profile was taken
 */
public record ProfileDetection(List<Sign> seen, boolean fallback) {

  public ProfileDetection {
    seen = List.copyOf(seen);
  }

  /**
   * One sign: {@code kind} is {@code path}, {@code package}, {@code unit}, {@code os-id}, {@code
   * registry-key}, {@code dmi-vendor}, {@code hypervisor} or {@code bios-maker}.
   */
  public record Sign(String kind, String value, String profile) {

    @Override
    public String toString() {
      return kind.equals("path") || kind.equals("registry-key") ? value : kind + " " + value;
    }
  }
}

package dev.imageprep.rules.host;

import java.util.Optional;

/**
 * The Windows registry of the image, read-only: the live registry on a running Windows system, the
 * offline hives ({@code Windows/System32/config/SOFTWARE}, {@code SYSTEM}) of a mounted volume.
 * Paths start with the root key ({@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion});
 * {@code HKLM\SYSTEM\CurrentControlSet} names the control set the image boots with, and the 32-bit
 * view is read through {@code HKLM\SOFTWARE\Wow6432Node}.
 */
public interface RegistryProbe {

  /**
   * @return the key, {@code Known(empty)} if it does not exist, or {@code Unknown} when the registry
   *     (or this part of it) cannot be read
   */
  Fact<Optional<RegistryKey>> key(String path);

  /**
   * Notes on the hives read since the last call, one per hive that needs one (a clean hive needs
   * none); the call forgets them. The engine takes them before and after each rule, so each rule's
   * result carries the notes of exactly the hives it read.
   */
  default java.util.List<ReadNote> takeReadNotes() {
    return java.util.List.of();
  }

  /** A registry that cannot be read at all, for the given reason. */
  static RegistryProbe unavailable(String reason) {
    return path -> Fact.unknown(reason);
  }
}

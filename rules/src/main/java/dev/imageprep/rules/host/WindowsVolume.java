package dev.imageprep.rules.host;

/**
 * A drive of a running Windows machine.
 *
 * @param letter the drive letter, upper case
 * @param kind {@code fixed}, {@code removable}, {@code network}, {@code cdrom}, {@code ram} or
 *     {@code unknown} ({@code GetDriveType})
 * @param totalBytes the drive's size; meaningless when {@code spaceUnknown} says why it could not be read
 * @param freeBytes free bytes; meaningless likewise
 * @param instanceStore true for an EC2 instance-store disk, false for EBS, null when it cannot be told
 * @param storeEvidence what told it ({@code disk model "Amazon EC2 NVMe Instance Storage"})
 * @param spaceUnknown why the space could not be read ({@code GetDiskFreeSpaceEx} failed), or null
 */
public record WindowsVolume(char letter, String kind, String label, String fsType, long totalBytes, long freeBytes,
    Boolean instanceStore, String storeEvidence, String spaceUnknown) {

  /** A drive whose space was read. */
  public WindowsVolume(char letter, String kind, String label, String fsType, long totalBytes, long freeBytes,
      Boolean instanceStore, String storeEvidence) {
    this(letter, kind, label, fsType, totalBytes, freeBytes, instanceStore, storeEvidence, null);
  }

  /** False when the drive's space could not be read: never taken as an empty drive. */
  public boolean spaceKnown() {
    return spaceUnknown == null;
  }

  public long usedBytes() {
    return Math.max(0, totalBytes - freeBytes);
  }

  public String drive() {
    return letter + ":";
  }
}

package dev.imageprep.rules.host;

/**
 * A drive of a running Windows machine.
 *
 * @param letter the drive letter, upper case
 * @param kind {@code fixed}, {@code removable}, {@code network}, {@code cdrom}, {@code ram} or
 *     {@code unknown} ({@code GetDriveType})
 * @param instanceStore true for an EC2 instance-store disk, false for EBS, null when it cannot be told
 * @param storeEvidence what told it ({@code disk model "Amazon EC2 NVMe Instance Storage"})
 */
public record WindowsVolume(char letter, String kind, String label, String fsType, long totalBytes, long freeBytes,
    Boolean instanceStore, String storeEvidence) {

  public long usedBytes() {
    return Math.max(0, totalBytes - freeBytes);
  }

  public String drive() {
    return letter + ":";
  }
}

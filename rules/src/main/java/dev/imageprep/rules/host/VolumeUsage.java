package dev.imageprep.rules.host;

/**
 * Space on the filesystem that holds a path, in bytes, as {@code statvfs} gives it.
 *
 * @param mount where the filesystem is mounted on the machine that measures it
 * @param totalBytes {@code f_blocks * f_frsize}
 * @param freeBytes {@code f_bfree * f_frsize}, root's reserve included
 * @param availableBytes {@code f_bavail * f_frsize}, what unprivileged users may still write
 */
public record VolumeUsage(String mount, String fsType, long totalBytes, long freeBytes, long availableBytes) {

  public long usedBytes() {
    return Math.max(0, totalBytes - freeBytes);
  }

  /**
   * Percent in use by GNU {@code df}'s formula: used / (used + available), which leaves root's
   * reserve out of the denominator, so a volume reads 100 % once ordinary users cannot write.
   */
  public double dfPercent() {
    long denominator = usedBytes() + availableBytes;
    return denominator == 0 ? 0.0 : usedBytes() * 100.0 / denominator;
  }

  /** {@link #dfPercent()} rounded up to a whole number, as {@code df}'s Use% column shows it. */
  public int dfPercentShown() {
    long used = usedBytes();
    long denominator = used + availableBytes;
    if (denominator == 0) {
      return 0;
    }
    return (int) ((used * 100 + denominator - 1) / denominator);
  }

  /** Raw share of blocks in use, used / total, for comparison with tools that report it. */
  public double rawPercent() {
    return totalBytes == 0 ? 0.0 : usedBytes() * 100.0 / totalBytes;
  }
}

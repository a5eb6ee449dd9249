package dev.imageprep.agent.probe.common;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * Tells links apart from directories on every platform. On Windows the JDK reports a directory
 * junction or a volume mount point (a reparse point that is not a symlink) as a directory that is
 * also "other", and {@code Files.walkFileTree} descends into it even without {@code FOLLOW_LINKS}:
 * deleting such a tree would delete the target's contents. Here both count as links, to be removed
 * as links and never walked into.
 */
public final class ReparsePoints {

  private ReparsePoints() {}

  /** True for a symlink, and on Windows for a junction or mount point. */
  public static boolean isLink(BasicFileAttributes a) {
    return a.isSymbolicLink() || isDirectoryReparsePoint(a);
  }

  /** True for a Windows directory reparse point (junction, volume mount point) that is not a symlink. */
  public static boolean isDirectoryReparsePoint(BasicFileAttributes a) {
    return !a.isSymbolicLink() && a.isDirectory() && a.isOther();
  }
}

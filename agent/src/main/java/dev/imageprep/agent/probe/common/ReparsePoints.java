package dev.imageprep.agent.probe.common;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * Tells links apart from directories on every platform: a symlink, and on Windows every name
 * surrogate (junction, volume mount point), is a link, removed as a link and never walked into.
 * See {@link EntryKind#of} for how Windows attributes are classified.
 */
public final class ReparsePoints {

  private ReparsePoints() {}

  /** True for a symlink, and on Windows for a junction or mount point. */
  public static boolean isLink(BasicFileAttributes a) {
    return EntryKind.of(a) == EntryKind.LINK;
  }
}

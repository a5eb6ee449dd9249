package dev.imageprep.agent.probe.common;

import java.nio.file.attribute.BasicFileAttributes;

/** What one directory entry is, as a walk, a scan or a cleanup must treat it. */
public enum EntryKind {
  /** A plain directory: the only kind a walk descends into. */
  DIRECTORY,
  /**
   * A file whose data is here. On Windows this includes WOF-compressed, deduplicated and hydrated
   * cloud files: their reparse points only say how the data is stored.
   */
  REGULAR,
  /**
   * A symlink, and on Windows every name surrogate (junction, volume mount point): it names another
   * entry, so it is never followed, walked, counted or read, and is removed as a link.
   */
  LINK,
  /**
   * A file or folder whose data is not on this machine (a dehydrated cloud file, a folder whose
   * listing lives with its cloud provider, an offline file): reading it would download it, so it is
   * never read or walked, and a scan reports it as a blind spot.
   */
  PLACEHOLDER,
  /** A FIFO, socket or device, or a reparse point of a kind imageprep does not know: never read. */
  SPECIAL;

  /**
   * The kind of an entry from its no-follow attributes. Attributes a platform reader classified
   * itself (the Windows reader reads reparse tags) say so; otherwise the JDK's answer is used, in
   * which JDK 17–25 report a Windows junction as a directory that is also "other" (a link here).
   */
  public static EntryKind of(BasicFileAttributes a) {
    if (a instanceof ClassifiedAttributes c) {
      return c.kind();
    }
    if (a.isSymbolicLink()) {
      return LINK;
    }
    if (a.isDirectory()) {
      return a.isOther() ? LINK : DIRECTORY;
    }
    return a.isRegularFile() ? REGULAR : SPECIAL;
  }
}

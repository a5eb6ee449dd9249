package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.EntryKind;

/**
 * What a Windows entry is, from its file attributes and reparse tag — never from how a JDK release
 * happens to map them (JDK 17–25 report a junction as a directory, JDK 26 as "other": JDK-8364277).
 * Sources: "Reparse Point Tags" and "File Attribute Constants" (Win32 docs, learn.microsoft.com),
 * [MS-FSCC] 2.1.2.1 "Reparse Tags".
 */
final class ReparseTags {

  private ReparseTags() {}

  // File Attribute Constants (winnt.h)
  static final int READONLY = 0x1;
  static final int HIDDEN = 0x2;
  static final int SYSTEM = 0x4;
  static final int DIRECTORY = 0x10;
  static final int DEVICE = 0x40;
  static final int NORMAL = 0x80;
  static final int REPARSE_POINT = 0x400;
  static final int OFFLINE = 0x1000;
  static final int RECALL_ON_OPEN = 0x40000;
  static final int RECALL_ON_DATA_ACCESS = 0x400000;

  // Reparse Point Tags (winnt.h, [MS-FSCC] 2.1.2.1)
  static final int MOUNT_POINT = 0xA0000003;
  static final int SYMLINK = 0xA000000C;
  static final int DEDUP = 0x80000013;
  static final int WOF = 0x80000017;
  static final int CLOUD = 0x9000001A;
  static final int CLOUD_MASK = 0x0000F000;
  static final int APPEXECLINK = 0x8000001B;
  static final int AF_UNIX = 0x80000023;

  /** The N bit: "the file or directory represents another named entity in the system". */
  static final int NAME_SURROGATE = 0x20000000;

  static boolean isNameSurrogate(int tag) {
    return (tag & NAME_SURROGATE) != 0;
  }

  /** {@code IO_REPARSE_TAG_CLOUD} and its sixteen variants {@code CLOUD_1} … {@code CLOUD_F}. */
  static boolean isCloud(int tag) {
    return (tag & ~CLOUD_MASK) == CLOUD;
  }

  /**
   * @param attributes {@code dwFileAttributes}
   * @param tag the reparse tag when {@code FILE_ATTRIBUTE_REPARSE_POINT} is set, else ignored
   */
  static EntryKind classify(int attributes, int tag) {
    boolean directory = (attributes & DIRECTORY) != 0;
    if ((attributes & DEVICE) != 0) {
      return EntryKind.SPECIAL;
    }
    if ((attributes & REPARSE_POINT) != 0 && isNameSurrogate(tag)) {
      return EntryKind.LINK; // junction, mount point, symlink, WSL symlink: names another entry
    }
    // data or a listing that lives elsewhere: touching it would recall it from its provider
    if ((attributes & (RECALL_ON_DATA_ACCESS | OFFLINE)) != 0 || directory && (attributes & RECALL_ON_OPEN) != 0) {
      return EntryKind.PLACEHOLDER;
    }
    if ((attributes & REPARSE_POINT) == 0 || tag == WOF || tag == DEDUP || isCloud(tag)) {
      return directory ? EntryKind.DIRECTORY : EntryKind.REGULAR; // the data is here
    }
    return EntryKind.SPECIAL; // app execution aliases, AF_UNIX sockets, tags we do not know
  }

  /** Windows' own compatibility junctions are SYSTEM and HIDDEN ({@code C:\Users\Default User}). */
  static boolean isSystemJunction(int attributes, int tag) {
    return (attributes & REPARSE_POINT) != 0 && tag == MOUNT_POINT && (attributes & (SYSTEM | HIDDEN)) == (SYSTEM | HIDDEN);
  }
}

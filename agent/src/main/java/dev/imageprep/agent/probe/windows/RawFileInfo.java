package dev.imageprep.agent.probe.windows;

/**
 * What Windows says about one entry, as it says it: {@code BY_HANDLE_FILE_INFORMATION} with the tag
 * of {@code FILE_ATTRIBUTE_TAG_INFO} (an open handle), or {@code WIN32_FIND_DATAW} with its {@code
 * dwReserved0} (the directory's listing, when the entry cannot be opened: no identity, no link count).
 *
 * @param attributes {@code dwFileAttributes}
 * @param reparseTag the tag, 0 when the entry is not a reparse point
 * @param size {@code nFileSizeHigh:nFileSizeLow}
 * @param creation FILETIME, 100 ns since 1601
 * @param volumeSerial {@code dwVolumeSerialNumber}, with {@code fileIndex} the file's identity
 * @param fileIndex {@code nFileIndexHigh:nFileIndexLow}
 * @param links {@code nNumberOfLinks}, 0 when unknown
 * @param identified whether volume serial and file index were read
 */
record RawFileInfo(int attributes, int reparseTag, long size, long creation, long lastAccess, long lastWrite,
    int volumeSerial, long fileIndex, int links, boolean identified) {

  /** From a listing: no identity. */
  static RawFileInfo found(int attributes, int reparseTag, long size, long creation, long lastAccess,
      long lastWrite) {
    return new RawFileInfo(attributes, reparseTag, size, creation, lastAccess, lastWrite, 0, 0, 0, false);
  }

  boolean isReparsePoint() {
    return (attributes & ReparseTags.REPARSE_POINT) != 0;
  }
}

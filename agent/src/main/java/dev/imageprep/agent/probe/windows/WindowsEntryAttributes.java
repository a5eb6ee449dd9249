package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.ClassifiedAttributes;
import dev.imageprep.agent.probe.common.EntryKind;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A Windows entry's attributes, classified by its reparse tag ({@link ReparseTags}), with the
 * identity the JDK leaves out ({@code fileKey()} is null in {@code WindowsFileAttributes}): volume
 * serial number and file index, as {@code GetFileInformationByHandle} reports them, and the number
 * of hard links.
 */
record WindowsEntryAttributes(RawFileInfo raw, EntryKind kind, boolean mountsVolume) implements ClassifiedAttributes {

  /** FILETIME counts 100 ns from 1601-01-01; Java from 1970-01-01. */
  private static final long EPOCH_DIFF_100NS = 116_444_736_000_000_000L;

  static WindowsEntryAttributes of(RawFileInfo raw, boolean mountsVolume) {
    return new WindowsEntryAttributes(raw, ReparseTags.classify(raw.attributes(), raw.reparseTag()), mountsVolume);
  }

  @Override
  public boolean isDirectory() {
    return kind == EntryKind.DIRECTORY;
  }

  @Override
  public boolean isRegularFile() {
    return kind == EntryKind.REGULAR;
  }

  @Override
  public boolean isSymbolicLink() {
    return kind == EntryKind.LINK;
  }

  @Override
  public boolean isOther() {
    return kind == EntryKind.PLACEHOLDER || kind == EntryKind.SPECIAL;
  }

  @Override
  public long size() {
    return raw.size();
  }

  @Override
  public FileTime lastModifiedTime() {
    return time(raw.lastWrite());
  }

  @Override
  public FileTime lastAccessTime() {
    return time(raw.lastAccess());
  }

  @Override
  public FileTime creationTime() {
    return time(raw.creation());
  }

  private static FileTime time(long filetime) {
    return FileTime.from((filetime - EPOCH_DIFF_100NS) / 10, TimeUnit.MICROSECONDS);
  }

  /** {@code vol=XXXXXXXX,idx=XXXXXXXXXXXXXXXX}, or null when the entry could not be opened. */
  @Override
  public Object fileKey() {
    return raw.identified()
        ? String.format(Locale.ROOT, "vol=%08x,idx=%016x", raw.volumeSerial(), raw.fileIndex()) : null;
  }

  @Override
  public int links() {
    return Math.max(1, raw.links());
  }

  @Override
  public boolean systemLink() {
    return ReparseTags.isSystemJunction(raw.attributes(), raw.reparseTag());
  }

  boolean isReadOnly() {
    return (raw.attributes() & ReparseTags.READONLY) != 0;
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.common.EntryKind;
import dev.imageprep.agent.testing.JdkAttributes;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Entries are classified by attributes and reparse tag as Windows reports them. The attribute
 * values are the ones {@code GetFileInformationByHandle} / {@code FindFirstFileExW} return for these
 * entries on Windows Server 2019 and Windows 10 (attribute bits: "File Attribute Constants"; tags:
 * "Reparse Point Tags" and [MS-FSCC] 2.1.2.1, whose N bit marks name surrogates).
 */
class ReparseTagsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // what                                              | attributes | tag        | kind
      "C:\\Users\\Default User (compatibility junction)      | 0x00002416 | 0xA0000003 | LINK",
      "a junction an administrator made (mklink /J)         | 0x00000410 | 0xA0000003 | LINK",
      "a volume mounted in a folder                         | 0x00000410 | 0xA0000003 | LINK",
      "a directory symlink (mklink /D)                      | 0x00000410 | 0xA000000C | LINK",
      "a file symlink (mklink)                              | 0x00000420 | 0xA000000C | LINK",
      "a WSL symlink                                        | 0x00000420 | 0xA000001D | LINK",
      "a OneDrive folder, fully present                     | 0x00000410 | 0x9000701A | DIRECTORY",
      "a OneDrive folder whose listing is in the cloud      | 0x00040410 | 0x9000701A | PLACEHOLDER",
      "a dehydrated OneDrive file (online only)             | 0x00501620 | 0x9000601A | PLACEHOLDER",
      "a hydrated, pinned OneDrive file                     | 0x00080420 | 0x9000001A | REGULAR",
      "a WOF-compressed system file (compact /exe)          | 0x00000620 | 0x80000017 | REGULAR",
      "a deduplicated file (Data Deduplication)             | 0x00000620 | 0x80000013 | REGULAR",
      "an offline file (HSM, no reparse point)              | 0x00001020 | 0x00000000 | PLACEHOLDER",
      "an app execution alias (WindowsApps\\python.exe)      | 0x00000420 | 0x8000001B | SPECIAL",
      "an AF_UNIX socket                                    | 0x00000420 | 0x80000023 | SPECIAL",
      "a directory with a tag nobody here knows             | 0x00000410 | 0x8000DEAD | SPECIAL",
      "a plain file                                         | 0x00000020 | 0x00000000 | REGULAR",
      "a read-only, hidden, system file                     | 0x00000027 | 0x00000000 | REGULAR",
      "a plain directory                                    | 0x00000010 | 0x00000000 | DIRECTORY",
      "a stale tag on an entry that is not a reparse point  | 0x00000010 | 0xA0000003 | DIRECTORY",
  })
  void entriesAreClassifiedByTagNotByJdkRelease(String what, String attributes, String tag, EntryKind kind) {
    assertThat(ReparseTags.classify(Integer.decode(attributes), Integer.parseUnsignedInt(tag.substring(2), 16)))
        .as(what).isEqualTo(kind);
  }

  @Test
  void onlyWindowsOwnSystemHiddenJunctionsAreProtected() {
    assertThat(ReparseTags.isSystemJunction(0x2416, ReparseTags.MOUNT_POINT)).isTrue();
    assertThat(ReparseTags.isSystemJunction(0x0410, ReparseTags.MOUNT_POINT)).isFalse();
    assertThat(ReparseTags.isSystemJunction(0x2416, ReparseTags.SYMLINK)).isFalse();
    assertThat(ReparseTags.isSystemJunction(0x0016, 0)).isFalse();
  }

  /**
   * What each JDK release answers for a junction, from WindowsFileAttributes.java: JDK 17–25 {@code
   * isDirectory() = !isSymbolicLink() && FILE_ATTRIBUTE_DIRECTORY}, {@code isOther() = DEVICE or
   * REPARSE_POINT}; JDK 26 (JDK-8364277) {@code isDirectory() = DIRECTORY && !REPARSE_POINT}. Classified
   * attributes answer the same whichever JDK runs, and the JDK's own answers are read safely.
   */
  @Test
  void aJunctionIsALinkOnJdk17AndOnJdk26() {
    WindowsEntryAttributes classified = WindowsEntryAttributes.of(new RawFileInfo(0x2416, ReparseTags.MOUNT_POINT,
        0, 0, 0, 0, 1, 2, 1, true), false);
    assertThat(EntryKind.of(classified)).isEqualTo(EntryKind.LINK);
    assertThat(classified.isDirectory()).isFalse();
    assertThat(classified.isSymbolicLink()).isTrue();

    BasicFileAttributes jdk17 = jdkAnswer(true, true); // directory and other
    BasicFileAttributes jdk26 = jdkAnswer(false, true); // other only
    assertThat(EntryKind.of(jdk17)).isEqualTo(EntryKind.LINK);
    assertThat(EntryKind.of(jdk26)).isEqualTo(EntryKind.SPECIAL); // never walked, never looked through
  }

  /** A path through an entry the JDK 26 reader calls "other" is never handed to the OS to follow. */
  @Test
  void nothingIsLookedThroughAnEntryOfUnknownKind(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws java.io.IOException {
    java.nio.file.Path junction = java.nio.file.Files.createDirectories(tmp.resolve("Users/Default User"));
    java.nio.file.Files.writeString(junction.resolve("NTUSER.DAT"), "x");
    dev.imageprep.agent.probe.common.EntryReader jdk26 = p -> p.equals(junction) ? jdkAnswer(false, true)
        : dev.imageprep.agent.probe.common.EntryReader.NIO.read(p);
    dev.imageprep.agent.probe.common.RootedFiles files = new dev.imageprep.agent.probe.common.RootedFiles(tmp,
        dev.imageprep.agent.probe.common.LinkReader.POSIX, jdk26);
    assertThat(files.stat(dev.imageprep.rules.host.ImagePath.of("/Users/Default User/NTUSER.DAT")).isKnown())
        .isFalse();
    assertThat(files.treeBytes(dev.imageprep.rules.host.ImagePath.of("/Users")).value()).isZero();
  }

  @Test
  void identityIsVolumeSerialAndFileIndexAndLinksAreCounted() {
    RawFileInfo raw = new RawFileInfo(0x20, 0, 10, 0, 0, 0, 0x5A3C91E2, 0x0001_0000_0000_2A3FL, 3, true);
    WindowsEntryAttributes a = WindowsEntryAttributes.of(raw, false);
    assertThat(a.fileKey()).isEqualTo("vol=5a3c91e2,idx=0001000000002a3f");
    assertThat(a.links()).isEqualTo(3);
    assertThat(WindowsEntryAttributes.of(RawFileInfo.found(0x20, 0, 10, 0, 0, 0), false).fileKey()).isNull();
    // FILETIME 116444736000000000 is 1970-01-01T00:00:00Z
    assertThat(WindowsEntryAttributes.of(new RawFileInfo(0x20, 0, 0, 116_444_736_000_000_000L, 0, 0, 0, 0, 1, true),
        false).creationTime()).isEqualTo(FileTime.fromMillis(0));
  }

  private static BasicFileAttributes jdkAnswer(boolean directory, boolean other) {
    return JdkAttributes.of(directory, other, false);
  }
}

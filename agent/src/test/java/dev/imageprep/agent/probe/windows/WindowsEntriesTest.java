package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.agent.probe.common.ClassifiedAttributes;
import dev.imageprep.agent.probe.common.EntryKind;
import dev.imageprep.agent.probe.common.EntryRefusedException;
import dev.imageprep.agent.probe.common.EntryRefusedException.Why;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Looking at and removing entries the way Windows answers (see {@link FakeWindows} for the error
 * codes each call returns, from the Win32 docs of CreateFileW, GetFileInformationByHandle,
 * FindFirstFileExW and SetFileInformationByHandle).
 */
class WindowsEntriesTest {

  @TempDir
  Path tmp;

  final FakeWindows windows = new FakeWindows();
  final FakeWindows.Entries entries = windows.entries();

  @Test
  void anEntryIsReadOnItselfWithIdentityAndLinkCount() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.dll"), "x");
    Files.createLink(tmp.resolve("b.dll"), a); // WinSxS holds the same file under two names
    ClassifiedAttributes attrs = (ClassifiedAttributes) entries.read(a);
    assertThat(attrs.kind()).isEqualTo(EntryKind.REGULAR);
    assertThat(attrs.links()).isEqualTo(2);
    assertThat(attrs.fileKey()).isEqualTo(entries.read(tmp.resolve("b.dll")).fileKey()).isNotNull();
    assertThat(windows.calls).contains("open a.dll 0x80"); // FILE_READ_ATTRIBUTES only
    assertThatThrownBy(() -> entries.read(tmp.resolve("gone"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void anEntryThatCannotBeOpenedIsReadFromItsDirectorysListing() throws IOException {
    Path locked = Files.writeString(tmp.resolve("pagefile.sys"), "x");
    windows.on(locked).denyOpen = true;
    BasicFileAttributes attrs = entries.read(locked);
    assertThat(EntryKind.of(attrs)).isEqualTo(EntryKind.REGULAR);
    assertThat(attrs.fileKey()).as("no identity from a listing").isNull();
    assertThat(windows.calls).containsSubsequence("open pagefile.sys 0x80", "find pagefile.sys");
  }

  @Test
  void aJunctionIsALinkAndAVolumeMountPointIsToldApart() throws IOException {
    Path target = Files.createDirectories(tmp.resolve("Default"));
    Path junction = windows.junction(tmp.resolve("Default User"), target, true);
    Path mount = windows.junction(tmp.resolve("Data"), target, false);
    windows.on(mount).target = "\\??\\Volume{2c1e6f3a-0000-0000-0000-100000000000}\\";
    ClassifiedAttributes j = (ClassifiedAttributes) entries.read(junction);
    assertThat(j.kind()).isEqualTo(EntryKind.LINK);
    assertThat(j.systemLink()).isTrue();
    assertThat(j.mountsVolume()).isFalse();
    assertThat(((ClassifiedAttributes) entries.read(mount)).mountsVolume()).isTrue();
  }

  @Test
  void aReadOnlyFileIsDeletedAfterClearingTheAttributeOnTheSameHandle() throws IOException {
    Path f = Files.writeString(tmp.resolve("$RABC123.docx"), "x");
    windows.on(f).attributes = ReparseTags.READONLY | FakeWindows.ARCHIVE;
    entries.remove(f, entries.read(f));
    assertThat(f).doesNotExist();
    assertThat(windows.calls).containsSubsequence("open $RABC123.docx 0x10180", "markForDeletion $RABC123.docx",
        "setAttributes $RABC123.docx 0x20", "markForDeletion $RABC123.docx");
  }

  @Test
  void aFileHeldOpenOrLoadedIsInUseAndStays() throws IOException {
    Path log = Files.writeString(tmp.resolve("cbs.log"), "x");
    windows.on(log).heldOpen = true;
    Path dll = Files.writeString(tmp.resolve("jna123.dll"), "x");
    windows.on(dll).mapped = true;
    assertThatThrownBy(() -> entries.remove(log, entries.read(log))).isInstanceOfSatisfying(
        EntryRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.IN_USE));
    assertThatThrownBy(() -> entries.remove(dll, entries.read(dll))).isInstanceOfSatisfying(
        EntryRefusedException.class, e -> {
          assertThat(e.why()).isEqualTo(Why.IN_USE);
          assertThat(e.getReason()).contains("loaded");
        });
    assertThat(log).exists();
    assertThat(dll).exists();
  }

  @Test
  void aLoadedReadOnlyFileGetsItsAttributeBack() throws IOException {
    Path exe = Files.writeString(tmp.resolve("setup.exe"), "x");
    windows.on(exe).attributes = ReparseTags.READONLY | FakeWindows.ARCHIVE;
    windows.on(exe).mapped = true;
    assertThatThrownBy(() -> entries.remove(exe, entries.read(exe))).isInstanceOf(EntryRefusedException.class);
    assertThat(windows.calls).endsWith("setAttributes setup.exe 0x21");
  }

  @Test
  void accessDeniedWhenOpeningIsAPermissionProblemNotInUse() throws IOException {
    Path f = Files.writeString(tmp.resolve("protected.dat"), "x");
    BasicFileAttributes seen = entries.read(f);
    windows.on(f).denyOpen = true;
    assertThatThrownBy(() -> entries.remove(f, seen)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aFileReplacedSinceItWasSeenIsNotDeleted() throws IOException {
    Path f = Files.writeString(tmp.resolve("unattend.xml"), "planned");
    BasicFileAttributes seen = entries.read(f);
    Files.writeString(tmp.resolve("other"), "someone else's"); // exists alongside: another file index
    Files.move(tmp.resolve("other"), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> entries.remove(f, seen)).isInstanceOfSatisfying(EntryRefusedException.class,
        e -> assertThat(e.why()).isEqualTo(Why.REPLACED));
    assertThat(f).hasContent("someone else's");
  }

  @Test
  void windowsOwnJunctionsAndMountedVolumesAreNeverRemoved() throws IOException {
    Path target = Files.createDirectories(tmp.resolve("Local"));
    Path compat = windows.junction(tmp.resolve("Application Data"), target, true);
    Path mine = windows.junction(tmp.resolve("shortcut"), target, false);
    Path mount = windows.junction(tmp.resolve("Data"), target, false);
    windows.on(mount).target = "\\??\\Volume{2c1e6f3a-0000-0000-0000-100000000000}\\";
    assertThatThrownBy(() -> entries.remove(compat, entries.read(compat))).isInstanceOfSatisfying(
        EntryRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.PROTECTED));
    assertThatThrownBy(() -> entries.remove(mount, entries.read(mount))).isInstanceOfSatisfying(
        EntryRefusedException.class, e -> assertThat(e.why()).isEqualTo(Why.OTHER_VOLUME));
    entries.remove(mine, entries.read(mine));
    assertThat(compat).exists();
    assertThat(mine).doesNotExist();
    assertThat(target).exists();
  }

  @Test
  void aDirectoryWithEntriesIsNotRemoved() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("Temp"));
    Files.writeString(dir.resolve("x"), "x");
    assertThatThrownBy(() -> entries.remove(dir, entries.read(dir)))
        .isInstanceOf(java.nio.file.DirectoryNotEmptyException.class);
  }

  @Test
  void extendedLengthPathsAreNotLimitedToMaxPath() {
    assertThat(ExtendedPaths.of("C:\\Users\\alice")).isEqualTo("\\\\?\\C:\\Users\\alice");
    assertThat(ExtendedPaths.of("\\\\fs1\\share\\x")).isEqualTo("\\\\?\\UNC\\fs1\\share\\x");
    assertThat(ExtendedPaths.of("\\\\?\\C:\\x")).isEqualTo("\\\\?\\C:\\x");
    String deep = "C:\\" + "d\\".repeat(200) + "f";
    assertThat(ExtendedPaths.of(deep)).hasSizeGreaterThan(260).startsWith("\\\\?\\C:\\d\\");
    assertThatThrownBy(() -> ExtendedPaths.of("relative\\x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void junctionTargetsAreReadByTheirExtendedPath() throws IOException {
    Path target = Files.createDirectories(tmp.resolve("Default"));
    Path link = windows.junction(tmp.resolve("Default User"), target, true);
    assertThat(JunctionReader.of(windows, p -> p.toString()).target(link)).isEqualTo("\\??\\C:\\Default");
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.agent.cleanup.CleanupActions;
import dev.imageprep.agent.cleanup.CleanupExecutor;
import dev.imageprep.agent.cleanup.Journal;
import dev.imageprep.agent.cleanup.SafeTree;
import dev.imageprep.agent.probe.common.LinkReader;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.secrets.SecretScanner;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.cleanup.Planner;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretScan;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile laid out as Windows lays it out, walked, scanned, measured and cleaned through the real
 * {@link WindowsEntries} answering as Windows does ({@link FakeWindows}): compatibility junctions
 * that deny listing to everyone ("Application Data", "Cookies"… — Windows' own, SYSTEM and HIDDEN),
 * a OneDrive folder (cloud reparse tag) with a file still online only, a WOF-compressed file and a
 * hard-linked one.
 */
class WindowsTreeTest {

  @TempDir
  Path tmp;

  final FakeWindows windows = new FakeWindows();

  Path volume;
  Path profile;
  Path outside;

  Path profile() throws IOException {
    volume = Files.createDirectories(tmp.resolve("C"));
    outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(outside.resolve("big.bin"), "x".repeat(5000));
    profile = Files.createDirectories(volume.resolve("Users/alice"));
    Path roaming = Files.createDirectories(profile.resolve("AppData/Roaming"));
    Files.writeString(roaming.resolve("app.ini"), "password = hunter2hunter2\n");
    windows.junction(profile.resolve("Application Data"), roaming, true);
    windows.junction(profile.resolve("Cookies"), outside, true);
    Path oneDrive = Files.createDirectories(profile.resolve("OneDrive"));
    windows.on(oneDrive).attributes = ReparseTags.DIRECTORY | ReparseTags.REPARSE_POINT;
    windows.on(oneDrive).tag = 0x9000701A; // IO_REPARSE_TAG_CLOUD_7
    Files.writeString(oneDrive.resolve("notes.txt"), "smtp_password = Tr0ub4dor-and-3-more\n");
    Path online = Files.writeString(oneDrive.resolve("online-only.txt"), "password = n0t-d0wnl0aded!\n");
    windows.on(online).attributes = 0x00501620; // ARCHIVE|SPARSE|REPARSE|OFFLINE|UNPINNED|RECALL_ON_DATA_ACCESS
    windows.on(online).tag = 0x9000601A;
    Path compressed = Files.writeString(profile.resolve("compressed.cfg"), "db_password = s3cr3t-v4lue-here\n");
    windows.on(compressed).attributes = 0x620; // ARCHIVE|SPARSE|REPARSE
    windows.on(compressed).tag = ReparseTags.WOF;
    Files.writeString(profile.resolve("a.dat"), "y".repeat(1000));
    Files.createLink(profile.resolve("b.dat"), profile.resolve("a.dat"));
    return profile;
  }

  RootedFiles files() {
    return new RootedFiles(volume, LinkReader.POSIX, windows.entries());
  }

  @Test
  void theSecretScanSeesThroughOneDriveAndWofButNeverOpensAJunctionOrDownloadsAPlaceholder() throws IOException {
    profile();
    SecretScan scan = new SecretScanner(files(), 1).scan(new ScanScope(List.of(ImagePath.of("/Users")), List.of(),
        1 << 20)).value();

    assertThat(scan.findings()).extracting(f -> f.path().toString()).contains("/Users/alice/AppData/Roaming/app.ini",
        "/Users/alice/OneDrive/notes.txt", "/Users/alice/compressed.cfg")
        .doesNotContain("/Users/alice/OneDrive/online-only.txt");
    assertThat(scan.skipped()).singleElement().satisfies(s -> {
      assertThat(s.path()).hasToString("/Users/alice/OneDrive/online-only.txt");
      assertThat(s.cause().isBlindSpot()).isTrue();
      assertThat(s.reason()).contains("would download it");
    });
    assertThat(windows.calls).noneMatch(c -> c.equals("list Application Data") || c.equals("list Cookies"));
  }

  @Test
  void sizesLeaveJunctionsOutAndCountAHardLinkedFileOnce() throws IOException {
    profile();
    long expected = Files.size(profile.resolve("AppData/Roaming/app.ini"))
        + Files.size(profile.resolve("OneDrive/notes.txt"))
        + Files.size(profile.resolve("OneDrive/online-only.txt")) // its logical size belongs to the profile
        + Files.size(profile.resolve("compressed.cfg")) + 1000;
    assertThat(files().treeBytes(ImagePath.of("/Users/alice")).value()).isEqualTo(expected);
  }

  @Test
  void removingATreeKeepsGoingPastFilesInUseAndWindowsJunctions() throws IOException {
    profile();
    Path temp = Files.createDirectories(profile.resolve("AppData/Local/Temp"));
    Files.writeString(temp.resolve("a.tmp"), "a");
    Path ro = Files.writeString(temp.resolve("readonly.tmp"), "r");
    windows.on(ro).attributes = ReparseTags.READONLY | FakeWindows.ARCHIVE;
    Path jna = Files.createDirectories(temp.resolve("jna-1234"));
    Path dll = Files.writeString(jna.resolve("jna5678.dll"), "MZ");
    windows.on(dll).mapped = true;
    Path sub = Files.createDirectories(temp.resolve("sub/deeper"));
    Files.writeString(sub.resolve("b.tmp"), "b");
    windows.junction(temp.resolve("History"), outside, true);
    windows.junction(temp.resolve("link-to-elsewhere"), outside, false);

    List<PlannedStep> done = clean(List.of(entry("user-temp", "/Users/*/AppData/Local/Temp")));

    assertThat(done).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(CleanupStatus.SKIPPED);
      assertThat(s.reason()).contains("2 kept", "removed 6 entries");
    });
    assertThat(temp.resolve("a.tmp")).doesNotExist();
    assertThat(ro).doesNotExist();
    assertThat(temp.resolve("sub")).doesNotExist();
    assertThat(temp.resolve("link-to-elsewhere")).doesNotExist();
    assertThat(dll).exists();
    assertThat(temp.resolve("History")).exists();
    assertThat(outside.resolve("big.bin")).exists();
  }

  @Test
  void twoSpellingsOfOneFileOnACaseInsensitiveVolumeArePlannedOnce() throws IOException {
    try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
      Path c = Files.createDirectories(fs.getPath("C:\\Windows\\Panther"));
      Files.writeString(c.resolve("Unattend.xml"), "<unattend/>");
      CleanupPlan plan = new Planner(new RootedFiles(fs.getPath("C:\\")), List.of(), List.of()).plan(List.of(
          entry("panther", "/Windows/Panther/unattend.xml", "/windows/panther/Unattend.xml",
              "/Windows/Panther/UNATTEND.XML")));
      assertThat(plan.steps()).singleElement().satisfies(s -> {
        assertThat(s.path()).hasToString("/Windows/Panther/Unattend.xml");
        assertThat(s.bytes()).isEqualTo(11);
      });
    }
  }

  static CleanupEntry entry(String id, String... paths) {
    return new CleanupEntry(id, id, ActionKind.REMOVE, List.of(paths).stream().map(Glob::parse).toList(), true, 0,
        "", "", "test", "test");
  }

  private List<PlannedStep> clean(List<CleanupEntry> entries) throws IOException {
    RootedFiles files = files();
    CleanupPlan plan = new Planner(files, List.of(), List.of()).plan(entries);
    try (Journal journal = Journal.open(tmp.resolve("state/journal.jsonl"), Clock.systemUTC())) {
      return new CleanupExecutor(new SafeTree(volume, files.entries(), windows.entries()), CleanupActions.standard(),
          journal).execute(plan, CleanupExecutor.Listener.NONE, () -> false);
    }
  }
}

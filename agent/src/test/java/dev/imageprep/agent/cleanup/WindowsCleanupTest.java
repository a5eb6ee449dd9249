package dev.imageprep.agent.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.agent.probe.common.EntryRefusedException;
import dev.imageprep.agent.probe.common.ReparsePoints;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.testing.JdkAttributes;
import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.cleanup.Planner;
import dev.imageprep.rules.host.FileType;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows cleanup items of the bundled catalog, planned and carried out on a real directory tree
 * laid out like a Windows system volume, with real symlinks where Windows would have junctions.
 */
class WindowsCleanupTest {

  @TempDir
  Path tmp;

  static final Catalog CATALOG = Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, List.of());

  List<PlannedStep> cleanAll(Path volume) throws IOException {
    CleanupPlan plan = new Planner(new RootedFiles(volume), List.of(), List.of())
        .plan(CATALOG.resolve("workspaces-windows").cleanup());
    try (Journal journal = Journal.open(tmp.resolve("state/journal.jsonl"), Clock.systemUTC())) {
      return new CleanupExecutor(new SafeTree(volume), CleanupActions.standard(), journal)
          .execute(plan, CleanupExecutor.Listener.NONE, () -> false);
    }
  }

  @Test
  void tempFoldersRecycleBinAndBrowserCachesAreEmptiedWithoutFollowingLinks() throws IOException {
    Path volume = Files.createDirectories(tmp.resolve("volume"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "precious");
    Path temp = Files.createDirectories(volume.resolve("Users/alice/AppData/Local/Temp"));
    Files.writeString(temp.resolve("a.tmp"), "x");
    Files.createDirectories(temp.resolve("sub/deeper"));
    Files.writeString(temp.resolve("sub/deeper/b.tmp"), "y");
    Files.createSymbolicLink(temp.resolve("escape"), outside);
    Files.createSymbolicLink(temp.resolve("sub/escape-file"), outside.resolve("keep.txt"));
    Path bin = Files.createDirectories(volume.resolve("$Recycle.Bin/S-1-5-21-1-2-3-1001"));
    Files.writeString(bin.resolve("$IABC123.docx"), "i");
    Files.writeString(bin.resolve("$RABC123.docx"), "r");
    Path cache = Files.createDirectories(volume.resolve("Users/alice/AppData/Local/Microsoft/Windows/INetCache/IE"));
    Files.writeString(cache.resolve("x.htm"), "<html/>");
    Path chrome = Files.createDirectories(volume.resolve(
        "Users/alice/AppData/Local/Google/Chrome/User Data/Profile 1/Cache/Cache_Data"));
    Files.writeString(chrome.resolve("f_000001"), "c");
    Path bookmarks = volume.resolve("Users/alice/AppData/Local/Google/Chrome/User Data/Profile 1/Bookmarks");
    Files.writeString(bookmarks, "{}");
    Files.createDirectories(volume.resolve("Windows/Temp"));
    Files.writeString(volume.resolve("Windows/Temp/cbs.log"), "l");

    List<PlannedStep> done = cleanAll(volume);

    assertThat(done).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(CleanupStatus.DONE));
    assertThat(temp).isEmptyDirectory();
    assertThat(bin).isEmptyDirectory();
    assertThat(volume.resolve("Users/alice/AppData/Local/Microsoft/Windows/INetCache")).doesNotExist();
    assertThat(chrome.getParent()).doesNotExist();
    assertThat(bookmarks).hasContent("{}");
    assertThat(volume.resolve("Windows/Temp")).isEmptyDirectory();
    assertThat(outside.resolve("keep.txt")).hasContent("precious");
    Map<String, FileType> types = done.stream().collect(Collectors.toMap(s -> s.path().fileName(), PlannedStep::type));
    assertThat(types).containsEntry("escape", FileType.SYMLINK);
  }

  @Test
  void aLaunchConfigThatIsASymlinkIsNeverEdited(@TempDir Path other) throws IOException {
    Path volume = Files.createDirectories(tmp.resolve("volume"));
    Path real = other.resolve("LaunchConfig.json");
    Files.writeString(real, "{\"adminPasswordType\": \"Specify\", \"adminPassword\": \"pw\"}");
    Path config = Files.createDirectories(volume.resolve("ProgramData/Amazon/EC2-Windows/Launch/Config"));
    Files.createSymbolicLink(config.resolve("LaunchConfig.json"), real);

    List<PlannedStep> done = cleanAll(volume);

    assertThat(done).filteredOn(s -> s.id().equals("ec2launch-admin-password")).singleElement()
        .satisfies(s -> {
          assertThat(s.status()).isEqualTo(CleanupStatus.SKIPPED);
          assertThat(s.reason()).contains("symlink: not followed");
        });
    assertThat(real).hasContent("{\"adminPasswordType\": \"Specify\", \"adminPassword\": \"pw\"}");
  }

  @Test
  void aJunctionCountsAsALinkNotAsADirectory() {
    BasicFileAttributes junction = attrs(true, true, false);
    BasicFileAttributes directory = attrs(true, false, false);
    assertThat(ReparsePoints.isLink(junction)).isTrue();
    assertThat(ReparsePoints.isLink(directory)).isFalse();
    assertThat(ReparsePoints.isLink(attrs(false, false, true))).isTrue();
    assertThat(CleanupExecutor.typeOf(junction)).isEqualTo(FileType.SYMLINK);
    assertThat(CleanupExecutor.typeOf(directory)).isEqualTo(FileType.DIRECTORY);
  }

  @Test
  void theWindowsRemoversRefusalsBecomeSkipsNeverTextMatches() {
    for (EntryRefusedException.Why why : EntryRefusedException.Why.values()) {
      EntryRefusedException refusal = new EntryRefusedException("C:\\Windows\\Temp\\x.log", why, "why");
      assertThatThrownBy(() -> InUseException.rethrow(Path.of("x.log"), () -> {
        throw refusal;
      })).as(why.name()).isInstanceOfAny(SkipException.class, ChangedException.class, MountPointException.class);
    }
    // the JDK's localized text is no longer read: a plain failure stays a failure
    assertThatThrownBy(() -> InUseException.rethrow(Path.of("x"), () -> {
      throw new FileSystemException("C:\\x", null, "being used by another process");
    })).isNotInstanceOf(SkipException.class);
  }

  static BasicFileAttributes attrs(boolean directory, boolean other, boolean symlink) {
    return JdkAttributes.of(directory, other, symlink);
  }
}

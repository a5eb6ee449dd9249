package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hive reader and the log replay against hives that Windows wrote (regipy's public test data),
 * compared key for key with an independent reader, hivexregedit.
 */
@Tag(WindowsHives.TAG)
class RealHivesTest {

  @TempDir
  Path tmp;

  /** Our export of a hive file, with the hive's root printed as {@code ROOT}. */
  static String export(Path hive) throws Exception {
    StringWriter out = new StringWriter();
    new HiveExport(HiveFile.open(hive), "ROOT").write(null, new RegFileWriter(out, "\n"));
    return out.toString();
  }

  static Map<String, Map<String, String>> ours(Path hive) throws Exception {
    return RegText.parse(export(hive), "ROOT");
  }

  static Map<String, Map<String, String>> hivex(Path hive) throws Exception {
    return RegText.parse(Hivex.export(hive), "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SYSTEM", "NTUSER.DAT", "SAM"})
  void aCleanHiveReadsKeyForKeyAsHivexReadsIt(String name) throws Exception {
    Path hive = WindowsHives.copy(name, tmp);
    assertThat(HiveFile.open(hive).state().kind()).isEqualTo(HiveState.Kind.CLEAN);

    Map<String, Map<String, String>> ours = ours(hive);
    Map<String, Map<String, String>> theirs = hivex(hive);

    assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
    theirs.forEach((key, values) -> assertThat(ours.get(key)).as(key).containsExactlyInAnyOrderEntriesOf(values));
    assertThat(ours.size()).isGreaterThan(name.equals("SYSTEM") ? 30_000 : 10);
  }

  @Test
  void systemBWithItsLogsGainsTheKeysItsLogsHold() throws Exception {
    Path dirty = WindowsHives.copy("SYSTEM_B", tmp.resolve("alone"));
    Path hive = WindowsHives.copy("SYSTEM_B", tmp.resolve("with-logs"));
    WindowsHives.copy("SYSTEM_B.LOG1", hive.getParent());
    WindowsHives.copy("SYSTEM_B.LOG2", hive.getParent());

    HiveState state = HiveFile.open(hive).state();
    assertThat(state.kind()).isEqualTo(HiveState.Kind.REPLAYED);
    // regipy's own test of these files counts the same 315 pages; all 24 entries pass their hashes
    assertThat(state.entries()).isEqualTo(24);
    assertThat(state.pages()).isEqualTo(315);
    assertThat(state.logs()).containsExactly("SYSTEM_B.LOG1", "SYSTEM_B.LOG2");
    assertThat(state.detail()).contains("sequence numbers 1622 and 1621", "replayed 24 log entries (315 dirty pages)");

    Map<String, Map<String, String>> before = ours(dirty);
    Map<String, Map<String, String>> after = ours(hive);
    List<String> gained = after.keySet().stream().filter(k -> !before.containsKey(k)).toList();
    assertThat(before.keySet()).allMatch(after::containsKey);
    assertThat(gained).hasSize(2472).contains(
        "\\ControlSet001\\Control\\Class\\{4d36e96c-e325-11ce-bfc1-08002be10318}\\0013\\Drivers\\midi");
    long valuesGainedInOldKeys = before.entrySet().stream()
        .mapToLong(e -> after.get(e.getKey()).keySet().stream().filter(v -> !e.getValue().containsKey(v)).count()).sum();
    assertThat(valuesGainedInOldKeys).isEqualTo(14);
  }

  @Test
  void hivexReadsTheReplayedImageAsWeDo() throws Exception {
    Path hive = WindowsHives.copy("SYSTEM_B", tmp);
    Path replayed = ReplayedHive.write(hive, tmp.resolve("elsewhere/SYSTEM_B"),
        WindowsHives.copy("SYSTEM_B.LOG1", tmp), WindowsHives.copy("SYSTEM_B.LOG2", tmp));

    assertThat(HiveFile.open(replayed).state().kind()).isEqualTo(HiveState.Kind.CLEAN);
    Map<String, Map<String, String>> ours = ours(hive);
    Map<String, Map<String, String>> theirs = hivex(replayed);
    assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
    theirs.forEach((key, values) -> assertThat(ours.get(key)).as(key).containsExactlyInAnyOrderEntriesOf(values));
  }

  @Test
  void logsAreFoundWithoutRegardToCaseAndNothingIsWritten() throws Exception {
    Path hive = WindowsHives.copy("SYSTEM_B", tmp, "SYSTEM");
    WindowsHives.copy("SYSTEM_B.LOG1", tmp, "system.log1");
    WindowsHives.copy("SYSTEM_B.LOG2", tmp, "System.Log2");
    Map<Path, String> sums = new HashMap<>();
    Map<Path, Object> times = new HashMap<>();
    try (var files = Files.list(tmp)) {
      for (Path p : files.toList()) {
        sums.put(p, sha256(p));
        times.put(p, Files.getLastModifiedTime(p));
      }
    }

    HiveFile replayed = HiveFile.open(hive);
    export(hive);

    assertThat(replayed.state().logs()).containsExactly("system.log1", "System.Log2");
    try (var files = Files.list(tmp)) {
      assertThat(files.toList()).containsExactlyInAnyOrderElementsOf(sums.keySet());
    }
    for (Path p : sums.keySet()) {
      assertThat(sha256(p)).as(p.toString()).isEqualTo(sums.get(p));
      assertThat(Files.getLastModifiedTime(p)).as(p.toString()).isEqualTo(times.get(p));
    }
  }

  @Test
  void twoLogsWhoseNamesDifferOnlyInCaseAreNeitherUsed() throws Exception {
    Path hive = WindowsHives.copy("SYSTEM_B", tmp, "SYSTEM");
    WindowsHives.copy("SYSTEM_B.LOG1", tmp, "SYSTEM.LOG1");
    WindowsHives.copy("SYSTEM_B.LOG1", tmp, "system.log1");
    WindowsHives.copy("SYSTEM_B.LOG2", tmp, "SYSTEM.LOG2");

    HiveState state = HiveFile.open(hive).state();

    // Windows compares names without case, so it would see one LOG1; which of the two it wrote cannot
    // be told, so neither is used. LOG2 is newer than the hive and is applied alone, as Windows
    // applies whatever logs it has.
    assertThat(state.logs()).containsExactly("SYSTEM.LOG2");
    assertThat(state.entries()).isEqualTo(20);
    assertThat(state.detail()).contains("SYSTEM.LOG1 and system.log1 differ only in case");
  }

  @Test
  void withoutItsLogsADirtyHiveIsReadFromThePrimaryFileAndSaysSo() throws Exception {
    Path hive = WindowsHives.copy("SYSTEM_B", tmp);
    HiveState state = HiveFile.open(hive).state();
    assertThat(state.kind()).isEqualTo(HiveState.Kind.NOT_RECOVERED);
    assertThat(state.detail()).isEqualTo("SYSTEM_B was not closed cleanly (sequence numbers 1622 and 1621) and no log"
        + " could be applied (there is no .LOG, .LOG1 or .LOG2 file beside it); judged from the primary file");
  }

  @Test
  void theDamagedHiveGivesAClearError() throws Exception {
    Path hive = WindowsHives.copy("corrupted_system_hive", tmp);
    assertThatThrownBy(() -> export(hive)).isInstanceOf(HiveException.class)
        .hasMessageStartingWith("corrupted_system_hive is damaged: ");
  }

  static String sha256(Path p) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.rules.host.RegistryValue;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Log replay on hives and logs written byte by byte ({@link HiveBuilder}, {@link LogBuilder}): the
 * cases the real logs in the shared test data do not show.
 */
class HiveRecoveryTest {

  static final int S = 100;

  /** A hive holding {@code services} service keys, each with an ImagePath. */
  static byte[] hive(int services, int sequence) {
    HiveBuilder b = new HiveBuilder();
    b.value("Select", RegistryValue.dword("Current", 1));
    for (int i = 0; i < services; i++) {
      b.value("ControlSet001\\Services\\Svc" + i, RegistryValue.text("ImagePath", "C:\\svc" + i + ".exe " + "x".repeat(300)));
    }
    return LogBuilder.sequence(b.build(), sequence);
  }

  /** The export of a hive, to compare what two hives hold. */
  static String text(HiveFile h) throws Exception {
    StringWriter out = new StringWriter();
    new HiveExport(h, "ROOT").write(null, new RegFileWriter(out, "\n"));
    return out.toString();
  }

  static String text(byte[] clean) throws Exception {
    return text(HiveFile.of(clean, "SYSTEM"));
  }

  static Map<String, byte[]> logs(Object... nameAndBytes) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameAndBytes.length; i += 2) {
      m.put((String) nameAndBytes[i], (byte[]) nameAndBytes[i + 1]);
    }
    return m;
  }

  @Test
  void marvin32GivesThePublishedTestVectors() {
    // the .NET runtime's MarvinTests (seed 0x004FB61A001BDBCC)
    Map<String, Long> vectors = Map.of("", 0x30ED35C100CD3C7DL, "af", 0x48E73FC77D75DDC1L, "e70f", 0xB5F6E1FC485DBFF8L,
        "37f495", 0xF0B07C789B8CF7E8L, "8642dc59", 0x7008F2E87E9CF556L, "153fb79826", 0xE6C08C6DA2AFA997L,
        "0932e6246c47", 0x6F04BF1A5EA24060L, "ab427ea8d10fc7", 0xE11847E4F0678C41L);
    vectors.forEach((hex, expected) ->
        assertThat(Marvin32.hash(HexFormat.of().parseHex(hex), 0x004FB61A001BDBCCL)).as(hex).isEqualTo(expected));
  }

  @Test
  void entriesOfTwoLogsAreAppliedInSequenceOrderWhicheverFileHoldsThem() throws Exception {
    List<byte[]> states = List.of(hive(3, S), hive(5, S), hive(8, S), hive(20, S), hive(40, S));
    byte[] primary = LogBuilder.dirty(states.get(0));
    byte[] early = LogBuilder.newFormat(states.subList(0, 3), S);
    byte[] late = LogBuilder.newFormat(states.subList(2, 5), S + 2);

    // the later entries sit in LOG1 here: the order comes from the sequence numbers, not the names
    HiveFile h = HiveFile.of(primary, "SYSTEM", logs("SYSTEM.LOG1", late, "SYSTEM.LOG2", early,
        "SYSTEM.LOG", new byte[0]));

    assertThat(h.state().kind()).isEqualTo(HiveState.Kind.REPLAYED);
    assertThat(h.state().detail()).doesNotContain("SYSTEM.LOG is empty"); // kept by Windows 8.1 and later, unused
    assertThat(h.state().entries()).isEqualTo(4);
    assertThat(h.state().logs()).containsExactly("SYSTEM.LOG2", "SYSTEM.LOG1");
    assertThat(text(h)).isEqualTo(text(states.get(4)));
    assertThat(BaseBlock.read(ByteBuffer.wrap(primary), "SYSTEM").clean()).isFalse(); // the input is untouched
  }

  @Test
  void replayStopsAtTheFirstDamagedEntryAndGoesNoFurther() throws Exception {
    List<byte[]> states = List.of(hive(3, S), hive(5, S), hive(8, S), hive(20, S));
    byte[] log1 = LogBuilder.newFormat(states.subList(0, 3), S);
    byte[] log2 = LogBuilder.newFormat(states.subList(2, 4), S + 2);
    int second = 512 + ByteBuffer.wrap(log1).order(ByteOrder.LITTLE_ENDIAN).getInt(516);
    log1[second + 4096] ^= 0x55; // page data of the second entry: its hash no longer matches

    HiveFile h = HiveFile.of(LogBuilder.dirty(states.get(0)), "SYSTEM", logs("SYSTEM.LOG1", log1, "SYSTEM.LOG2", log2));

    assertThat(h.state().entries()).isEqualTo(1);
    assertThat(h.state().logs()).containsExactly("SYSTEM.LOG1");
    assertThat(h.state().detail()).contains("log entry 101 at offset " + second + " does not match its hashes");
    assertThat(text(h)).isEqualTo(text(states.get(1)));
  }

  @Test
  void aLogOlderThanTheHiveOrNotContinuingTheChainIsLeftOut() throws Exception {
    List<byte[]> states = List.of(hive(3, S), hive(6, S), hive(9, S));
    byte[] stale = LogBuilder.newFormat(List.of(hive(1, S - 10), hive(2, S - 10)), S - 10);
    HiveFile h = HiveFile.of(LogBuilder.dirty(states.get(0)), "SYSTEM",
        logs("SYSTEM.LOG1", stale, "SYSTEM.LOG2", LogBuilder.newFormat(states, S)));
    assertThat(h.state().logs()).containsExactly("SYSTEM.LOG2");
    assertThat(h.state().detail()).contains("SYSTEM.LOG1 is older than the hive (sequence 90, the hive is at 100)");
    assertThat(text(h)).isEqualTo(text(states.get(2)));

    byte[] gap = LogBuilder.newFormat(List.of(states.get(1), states.get(2)), S + 5);
    HiveFile g = HiveFile.of(LogBuilder.dirty(states.get(0)), "SYSTEM",
        logs("SYSTEM.LOG1", LogBuilder.newFormat(states.subList(0, 2), S), "SYSTEM.LOG2", gap));
    assertThat(g.state().entries()).isEqualTo(1);
    assertThat(g.state().detail()).contains("SYSTEM.LOG2 does not continue where the previous log ends");
    assertThat(text(g)).isEqualTo(text(states.get(1)));
  }

  @Test
  void anEntryWhoseHashesMatchButWhoseSizesLieIsRefused() throws Exception {
    List<byte[]> states = List.of(hive(3, S), hive(5, S));
    byte[] huge = LogBuilder.newFormat(states, S);
    ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(512 + 16, 1 << 30); // bins: 1 GiB
    LogBuilder.rehash(huge, 512);
    HiveFile h = HiveFile.of(LogBuilder.dirty(states.get(0)), "SYSTEM", logs("SYSTEM.LOG1", huge));
    assertThat(h.state().kind()).isEqualTo(HiveState.Kind.NOT_RECOVERED);
    assertThat(h.state().detail()).contains("claims 1073741824 bytes of hive bins, more than its pages can fill");

    byte[] outside = LogBuilder.newFormat(states, S);
    ByteBuffer.wrap(outside).order(ByteOrder.LITTLE_ENDIAN).putInt(512 + 40, 1 << 20); // a page past the bins
    LogBuilder.rehash(outside, 512);
    HiveFile o = HiveFile.of(LogBuilder.dirty(states.get(0)), "SYSTEM", logs("SYSTEM.LOG1", outside));
    assertThat(o.state().detail()).contains("has dirty page 0 outside the hive bins (offset 1048576");
  }

  @Test
  void anOldFormatLogIsAppliedWholeWhenItIsNotOlderThanTheHive() throws Exception {
    byte[] before = hive(3, S);
    byte[] after = hive(12, S);
    byte[] log = LogBuilder.oldFormat(before, after, 7L);

    HiveFile h = HiveFile.of(LogBuilder.dirty(before), "SYSTEM", logs("SYSTEM.LOG", log));
    assertThat(h.state().kind()).isEqualTo(HiveState.Kind.REPLAYED);
    assertThat(h.state().detail()).contains("replayed the dirty vector of SYSTEM.LOG (old format, ");
    assertThat(text(h)).isEqualTo(text(after));

    byte[] newer = LogBuilder.dirty(before);
    ByteBuffer b = ByteBuffer.wrap(newer).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(12, 8L); // the hive was written after the log
    b.putInt(BaseBlock.CHECKSUM, BaseBlock.checksum(b));
    HiveFile n = HiveFile.of(newer, "SYSTEM", logs("SYSTEM.LOG", log));
    assertThat(n.state().kind()).isEqualTo(HiveState.Kind.NOT_RECOVERED);
    assertThat(n.state().detail()).contains("SYSTEM.LOG was written before the hive's last write");
  }

  @Test
  void aDamagedHeaderIsRepairedFromTheLogOrTheHiveIsRefused() throws Exception {
    List<byte[]> states = List.of(hive(3, S), hive(5, S));
    byte[] broken = states.get(0).clone();
    broken[0x30] ^= 1; // header checksum no longer matches
    HiveFile h = HiveFile.of(broken, "SYSTEM", logs("SYSTEM.LOG1", LogBuilder.newFormat(states, S)));
    assertThat(h.state().kind()).isEqualTo(HiveState.Kind.REPLAYED);
    assertThat(h.state().detail()).startsWith("SYSTEM has a damaged header (checksum mismatch); replayed 1 log entry ");
    assertThat(text(h)).isEqualTo(text(states.get(1)));

    assertThatThrownBy(() -> HiveFile.of(broken, "SYSTEM")).isInstanceOf(HiveException.class)
        .hasMessage("SYSTEM has a damaged header (checksum mismatch) and no log could repair it (there is no .LOG,"
            + " .LOG1 or .LOG2 file beside it)");
  }

  @Test
  void anEmptyLogAloneIsSaidToBeEmpty() throws Exception {
    HiveFile h = HiveFile.of(LogBuilder.dirty(hive(3, S)), "SYSTEM", logs("SYSTEM.LOG", new byte[0]));
    assertThat(h.state().detail()).contains("no log could be applied (SYSTEM.LOG is empty)");
  }

  @Test
  void aCleanHiveIgnoresItsLogs() throws Exception {
    List<byte[]> states = List.of(hive(3, S), hive(5, S));
    HiveFile h = HiveFile.of(states.get(0), "SYSTEM", logs("SYSTEM.LOG1", LogBuilder.newFormat(states, S)));
    assertThat(h.state().kind()).isEqualTo(HiveState.Kind.CLEAN);
    assertThat(text(h)).isEqualTo(text(states.get(0)));
  }

  @Test
  void randomlyDamagedLogsNeverCrashTheReader() throws Exception {
    List<byte[]> states = List.of(hive(3, S), hive(6, S), hive(10, S), hive(14, S));
    byte[] primary = LogBuilder.dirty(states.get(0));
    byte[] good = LogBuilder.newFormat(states, S);
    byte[] old = LogBuilder.oldFormat(states.get(0), states.get(3), 1L);
    SplittableRandom random = new SplittableRandom(11);
    Map<HiveState.Kind, Integer> outcomes = new LinkedHashMap<>();
    List<String> refusals = new ArrayList<>();
    for (int round = 0; round < 600; round++) {
      byte[] log = (round % 3 == 0 ? old : good).clone();
      int flips = 1 + random.nextInt(6);
      for (int f = 0; f < flips; f++) {
        // half the flips in the header and entry headers, where sizes and offsets live
        int at = random.nextBoolean() ? random.nextInt(Math.min(log.length, 600)) : random.nextInt(log.length);
        log[at] = (byte) random.nextInt(256);
      }
      if (round % 7 == 0) {
        log = java.util.Arrays.copyOf(log, random.nextInt(log.length));
      }
      if (round % 5 == 0) { // hashes made to match again: only the bounds checks stand between the log and the reader
        for (int at = 512; at + 40 <= log.length && log[at] == 'H'; ) {
          int size = ByteBuffer.wrap(log).order(ByteOrder.LITTLE_ENDIAN).getInt(at + 4);
          if (size <= 40 || at + (long) size > log.length) {
            break;
          }
          LogBuilder.rehash(log, at);
          at += size;
        }
      }
      try {
        HiveFile h = HiveFile.of(primary, "SYSTEM", logs("SYSTEM.LOG1", log));
        text(h);
        outcomes.merge(h.state().kind(), 1, Integer::sum);
      } catch (HiveException e) {
        refusals.add(e.getMessage());
      }
    }
    assertThat(outcomes).containsKeys(HiveState.Kind.REPLAYED, HiveState.Kind.NOT_RECOVERED);
    assertThat(refusals).allMatch(m -> m.startsWith("SYSTEM ") || m.startsWith("the hive is damaged"));
    assertThat(primary).isEqualTo(LogBuilder.dirty(states.get(0))); // replay never wrote into its input
  }
}

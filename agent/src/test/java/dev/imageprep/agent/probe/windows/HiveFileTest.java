package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.windows.MapRegistry;
import dev.imageprep.rules.windows.RegExport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HiveFileTest {

  static final Map<String, List<RegistryValue>> SOFTWARE = RegExport.resource("software-server2019.reg");

  @ParameterizedTest
  @EnumSource(HiveBuilder.Lists.class)
  void readsBackEveryKeyAndValueOfTheFixture(HiveBuilder.Lists lists) throws Exception {
    HiveFile hive = HiveFile.of(HiveBuilder.from(SOFTWARE, "HKLM\\SOFTWARE").lists(lists).build(), "SOFTWARE");
    MapRegistry expected = new MapRegistry(SOFTWARE);

    for (String path : expected.allKeys()) {
      if (!path.toUpperCase().startsWith("HKLM\\SOFTWARE\\")) {
        continue;
      }
      List<String> names = Arrays.asList(path.substring("HKLM\\SOFTWARE\\".length()).split("\\\\"));
      Optional<HiveFile.Key> key = hive.find(names);
      assertThat(key).as(path).isPresent();
      assertThat(key.get().subkeyNames()).as(path)
          .containsExactlyInAnyOrderElementsOf(expected.key(path).value().get().subkeys());
      assertThat(key.get().values()).as(path)
          .usingRecursiveFieldByFieldElementComparator()
          .containsExactlyInAnyOrderElementsOf(expected.values(path));
    }
  }

  @Test
  void namesCompareWithoutCase() throws Exception {
    HiveFile hive = HiveFile.of(HiveBuilder.from(SOFTWARE, "HKLM\\SOFTWARE").build(), "SOFTWARE");
    Optional<HiveFile.Key> k = hive.find(List.of("microsoft", "WINDOWS NT", "currentversion"));
    assertThat(k).isPresent();
    assertThat(k.get().name()).isEqualTo("CurrentVersion");
    assertThat(hive.find(List.of("Microsoft", "No Such Key"))).isEmpty();
  }

  @Test
  void decodesResidentNumbersUtf16NamesAndBigData() throws Exception {
    byte[] big = new byte[HiveFile.BIG_DATA_SEGMENT * 2 + 100];
    new SplittableRandom(7).nextBytes(big);
    HiveBuilder b = new HiveBuilder();
    b.value("Test\\Überschrift", RegistryValue.dword("Small", 0xFFFFFFFEL));
    b.value("Test\\Überschrift", new RegistryValue("Größe", RegistryValue.Type.QWORD, 1L << 40));
    b.value("Test\\Überschrift", new RegistryValue("Blob", RegistryValue.Type.BINARY, big));
    b.value("Test\\Überschrift", RegistryValue.multi("List", List.of("a", "b c")));
    b.value("Test\\Überschrift", RegistryValue.text("", "default"));
    HiveFile hive = HiveFile.of(b.build(), "TEST");

    HiveFile.Key k = hive.find(List.of("test", "überschrift")).orElseThrow();
    assertThat(k.name()).isEqualTo("Überschrift");
    assertThat(k.values()).extracting(RegistryValue::name).containsExactly("Small", "Größe", "Blob", "List", "");
    assertThat(k.values().get(0).asLong()).contains(0xFFFFFFFEL);
    assertThat(k.values().get(1).asLong()).contains(1L << 40);
    assertThat((byte[]) k.values().get(2).data()).isEqualTo(big);
    assertThat(k.values().get(3).asStrings()).containsExactly("a", "b c");
    assertThat(k.values().get(4).asText()).contains("default");
  }

  @Test
  void readsAHiveThatWasNotClosedCleanlyFromItsPrimaryFileAndSaysSo() throws Exception {
    HiveFile hive = HiveFile.of(HiveBuilder.from(SOFTWARE, "HKLM\\SOFTWARE").dirty().build(), "SOFTWARE");
    assertThat(hive.state().kind()).isEqualTo(HiveState.Kind.NOT_RECOVERED);
    assertThat(hive.state().current()).isFalse();
    assertThat(hive.state().detail()).isEqualTo("SOFTWARE was not closed cleanly (sequence numbers 1 and 0) and no log"
        + " could be applied (there is no .LOG, .LOG1 or .LOG2 file beside it); judged from the primary file");
    assertThat(hive.find(List.of("Microsoft", "Windows NT", "CurrentVersion"))).isPresent();
  }

  @Test
  void aSubkeyListThatLoopsBackIsDamageNotAnEndlessExport() throws Exception {
    byte[] bytes = new HiveBuilder().value("A", RegistryValue.dword("N", 1)).build();
    int lf = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("lf\u0001\u0000");
    // the root's one subkey becomes the root itself (the first cell of the bin, at 32)
    java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(lf + 4, 32);
    HiveFile hive = HiveFile.of(bytes, "LOOP");
    assertThatThrownBy(() -> new HiveExport(hive, "ROOT").write(null, new RegFileWriter(new StringBuilder(), "\n")))
        .isInstanceOf(HiveException.class).hasMessage("the hive is damaged: key ROOT\\ROOT is reached twice (its"
            + " subkey lists loop)");
  }

  @Test
  void refusesAnythingButAHive() {
    byte[] bytes = HiveBuilder.from(SOFTWARE, "HKLM\\SOFTWARE").build();
    byte[] noSignature = bytes.clone();
    noSignature[0] = 'x';
    assertThatThrownBy(() -> HiveFile.of(noSignature, "S")).isInstanceOf(HiveException.class)
        .hasMessageContaining("not a registry hive");
    byte[] badChecksum = bytes.clone();
    badChecksum[0x30] ^= 1;
    assertThatThrownBy(() -> HiveFile.of(badChecksum, "S")).isInstanceOf(HiveException.class)
        .hasMessageContaining("checksum");
    assertThatThrownBy(() -> HiveFile.of(new byte[100], "S")).isInstanceOf(HiveException.class);
  }

  @Test
  void damagedCellsGiveHiveExceptionsNeverOtherErrors() throws Exception {
    byte[] good = HiveBuilder.from(SOFTWARE, "HKLM\\SOFTWARE").build();
    SplittableRandom random = new SplittableRandom(2024);
    List<String> outcomes = new ArrayList<>();
    for (int round = 0; round < 400; round++) {
      byte[] bad = good.clone();
      for (int flips = 0; flips < 8; flips++) {
        int at = HiveFile.BASE_BLOCK + 32 + random.nextInt(bad.length - HiveFile.BASE_BLOCK - 32);
        bad[at] = (byte) random.nextInt(256);
      }
      try {
        HiveFile hive = HiveFile.of(bad, "S");
        walk(hive.root(), 0);
        outcomes.add("read");
      } catch (HiveException e) {
        outcomes.add("refused");
      }
    }
    assertThat(outcomes).contains("refused");
  }

  private static void walk(HiveFile.Key k, int depth) throws HiveException {
    k.values();
    if (depth < 12) {
      for (String name : k.subkeyNames()) {
        Optional<HiveFile.Key> child = k.subkey(name);
        if (child.isPresent()) {
          walk(child.get(), depth + 1);
        }
      }
    }
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hives whose keys and values hivex wrote ({@code hivexregedit --merge} into a minimal hive): a second
 * writer besides Windows, independent of the reader, with what the real hives lack: every value
 * type, a key with thousands of subkeys, escapes, control characters.
 */
@Tag(WindowsHives.TAG)
class HivexWrittenHivesTest {

  static final String ROOT = "HKEY_LOCAL_MACHINE\\TEST";

  @TempDir
  Path tmp;

  /** A .reg file with one of everything, in the notation hivexregedit --merge reads. */
  static String sample() {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder reg = new StringBuilder("Windows Registry Editor Version 5.00\n\n");
    for (String parent : new String[] {"\\Software", "\\Software\\Vendor"}) { // hivex adds a key only below one
      reg.append("[").append(ROOT).append(parent).append("]\n\n");
    }
    reg.append("[").append(ROOT).append("\\Software\\Vendor\\App]\n")
        .append("@=\"the default value\"\n")
        .append("\"Path\"=\"C:\\\\Program Files\\\\App \\\"quoted\\\"\"\n")
        .append("\"Empty\"=\"\"\n")
        .append("\"Count\"=dword:0000002a\n")
        .append("\"Max\"=dword:ffffffff\n")
        .append("\"Expand\"=hex(2):").append(hex(utf16z("%SystemRoot%\\System32"))).append('\n')
        .append("\"Multi\"=hex(7):").append(hex(utf16z("one\0two\0"))).append('\n')
        .append("\"Quad\"=hex(b):").append(hex(new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 0x80})).append('\n')
        .append("\"Blob\"=hex:").append(hex(bytes(random, 3000))).append('\n')
        // the largest value one cell holds: hivex writes longer ones as one cell too, where Windows (and
        // this reader) expect a big-data list; the real hives' big-data values are read in RealHivesTest
        .append("\"Big\"=hex:").append(hex(bytes(random, HiveFile.BIG_DATA_SEGMENT))).append('\n')
        .append("\"Nothing\"=hex(0):\n")
        .append("\"ShortDword\"=hex(4):01,02\n")
        .append("\"Custom\"=hex(ffff0010):0a,0b\n")
        .append("\"Line\"=hex(1):").append(hex(utf16z("two\nlines"))).append('\n')
        .append("\"na\\\"me\\\\\"=\"escaped name\"\n\n");
    reg.append("[").append(ROOT).append("\\Software\\Vendor\\Many]\n\n");
    for (int i = 0; i < 1500; i++) {
      reg.append("[").append(ROOT).append("\\Software\\Vendor\\Many\\Key").append(String.format("%04d", i)).append("]\n")
          .append("\"N\"=dword:").append(String.format("%08x", i)).append("\n\n");
    }
    return reg.toString();
  }

  @Test
  void whatHivexWroteReadsBackValueForValue() throws Exception {
    Path hive = Files.write(tmp.resolve("TEST"), new HiveBuilder().build());
    Path reg = Files.writeString(tmp.resolve("in.reg"), sample(), StandardCharsets.ISO_8859_1);
    Hivex.merge(hive, reg);

    StringWriter out = new StringWriter();
    new HiveExport(HiveFile.open(hive), ROOT).write(null, new RegFileWriter(out, "\r\n"));
    Map<String, Map<String, String>> ours = RegText.parse(out.toString(), ROOT);
    Map<String, Map<String, String>> written = RegText.parse(sample(), ROOT);

    written.forEach((key, values) -> assertThat(ours.get(key)).as(key).containsExactlyInAnyOrderEntriesOf(values));
    assertThat(ours.keySet()).hasSize(written.size() + 1).containsAll(written.keySet()); // and the root
    String text = out.toString();
    assertThat(text).contains("\r\n\"Line\"=hex(1):74,00,77,00,6f,00,0a,00,6c,00") // a newline never prints as one
        .contains("\r\n\"na\\\"me\\\\\"=\"escaped name\"\r\n")
        .contains("\r\n\"Path\"=\"C:\\\\Program Files\\\\App \\\"quoted\\\"\"\r\n");
    assertThat(text.lines()).allMatch(line -> line.length() <= 80);
  }

  @Test
  void ourExportMergedByHivexGivesTheSameHiveAgain() throws Exception {
    Path first = Files.write(tmp.resolve("FIRST"), new HiveBuilder().build());
    Hivex.merge(first, Files.writeString(tmp.resolve("in.reg"), sample(), StandardCharsets.ISO_8859_1));
    StringWriter once = new StringWriter();
    new HiveExport(HiveFile.open(first), ROOT).write(null, new RegFileWriter(once, "\n"));

    Path second = Files.write(tmp.resolve("SECOND"), new HiveBuilder().build());
    Hivex.merge(second, Files.writeString(tmp.resolve("ours.reg"), once.toString(), StandardCharsets.ISO_8859_1));
    StringWriter twice = new StringWriter();
    new HiveExport(HiveFile.open(second), ROOT).write(null, new RegFileWriter(twice, "\n"));

    assertThat(RegText.parse(twice.toString(), ROOT)).isEqualTo(RegText.parse(once.toString(), ROOT));
  }

  static byte[] utf16z(String s) {
    return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
  }

  static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < b.length; i++) {
      s.append(i == 0 ? "" : ",").append(String.format("%02x", b[i] & 0xFF));
    }
    return s.toString();
  }
}

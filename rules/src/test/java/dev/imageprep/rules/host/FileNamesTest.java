package dev.imageprep.rules.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FileNamesTest {

  @Test
  void validUtf8ReadsAsItselfAndOtherBytesAsEscapes() {
    assertThat(FileNames.decode("café".getBytes(StandardCharsets.UTF_8))).isEqualTo("café");
    assertThat(FileNames.decode(new byte[] {'b', 'a', 'd', (byte) 0xff, (byte) 0xfe})).isEqualTo("bad\udcff\udcfe");
    // an encoded surrogate is not valid UTF-8: its three bytes are kept as bytes
    assertThat(FileNames.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isEqualTo("\udced\udca0\udc80");
    assertThat(FileNames.hasEscapedBytes("bad\udcff")).isTrue();
    assertThat(FileNames.hasEscapedBytes("emoji \ud83d\udcff")).as("a real pair, not a byte").isFalse();
  }

  @Test
  void anyBytesSurviveTheRoundTripExactly() {
    SplittableRandom random = new SplittableRandom(20261204);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[random.nextInt(1, 24)];
      for (int k = 0; k < b.length; k++) {
        // mostly ASCII and UTF-8 lead/continuation bytes, where mistakes hide
        b[k] = (byte) (random.nextBoolean() ? random.nextInt(0x20, 0x7f) : random.nextInt(0x80, 0x100));
      }
      assertThat(FileNames.encode(FileNames.decode(b))).as("seed 20261204, case %d", i).isEqualTo(b);
    }
  }
}

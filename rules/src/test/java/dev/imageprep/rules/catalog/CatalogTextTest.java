package dev.imageprep.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Rule files are bounded and decoded before YAML sees them; every refusal names file, line and column. */
class CatalogTextTest {

  private static void refusedAt(ThrowingCallable read, int line, int column, String text) {
    assertThatThrownBy(read).isInstanceOfSatisfying(CatalogException.class, e -> {
      CatalogProblem p = e.problems().get(0);
      assertThat(p.toString()).startsWith("rules.yaml:" + line + ":" + column + ": ").contains(text);
    });
  }

  private static String read(byte[] bytes) throws IOException {
    return CatalogText.read("rules.yaml", new ByteArrayInputStream(bytes));
  }

  @Test
  void aTwentyMillionCharacterScalarIsRefusedBeforeAnyParsing() {
    // 20 MB that are never in memory at once: the reader stops one byte past the limit
    InputStream huge = new InputStream() {
      private long left = 20_000_000;
      private final byte[] head = "rules:\n  - id: x\n    title: ".getBytes(StandardCharsets.US_ASCII);
      private int at;

      @Override
      public int read() {
        if (at < head.length) {
          return head[at++];
        }
        return left-- > 0 ? 'x' : -1;
      }
    };

    refusedAt(() -> CatalogText.read("rules.yaml", huge), 3, CatalogText.MAX_BYTES - 17 + 1,
        "larger than 1048576 bytes");
  }

  @Test
  void aLongLineIsRefusedWithItsNumber() {
    String text = "rules:\n  - id: x\n    title: " + "y".repeat(CatalogText.MAX_LINE) + "\n";

    refusedAt(() -> read(text.getBytes(StandardCharsets.UTF_8)), 3, CatalogText.MAX_LINE + 1, "line longer than");
  }

  @Test
  void bytesThatAreNotUtf8AreLocated() {
    byte[] latin1 = "rules:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    refusedAt(() -> read(latin1), 2, 12, "not valid UTF-8 (byte 0xE9)");
  }

  @Test
  void columnsCountCharactersNotBytes() {
    byte[] bytes = "title: \u00e9t\u00e9 \u00ff".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 1] = (byte) 0xff; // break the last character

    refusedAt(() -> read(bytes), 1, 12, "not valid UTF-8");
  }

  @Test
  void ordinaryFilesPassUnchanged() throws IOException {
    String text = "rules:\n  - id: x\n    title: d\u00e9j\u00e0 vu\n";

    assertThat(read(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }
}

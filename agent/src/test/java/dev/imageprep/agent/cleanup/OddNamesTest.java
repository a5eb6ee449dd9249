package dev.imageprep.agent.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.ForkedJvm;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.Trees;
import dev.imageprep.agent.testing.UsedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names as the disk has them, under the locales the packaged launcher and systemd run with:
 * under {@code LANG=C} the JVM's {@code sun.jnu.encoding} is ASCII (and {@code -Dsun.jnu.encoding}
 * is ignored), so a name that is not ASCII cannot even be made into a {@code Path} from a String;
 * under {@code C.UTF-8} bytes that are not UTF-8 read as U+FFFD and lead to another file. Names that
 * are not valid UTF-8 are planned and removed all the same, and every text output shows control
 * characters and such bytes as escapes, so that a name cannot forge a line or drive the terminal.
 */
class OddNamesTest {

  static final byte[] NOT_UTF8 = {'b', 'a', 'd', (byte) 0xff, (byte) 0xfe};
  static final byte[] CAFE = "café".getBytes(StandardCharsets.UTF_8);
  static final byte[] FAKE_VERDICT = "x\nREADY · 99 pass · exit 0".getBytes(StandardCharsets.UTF_8);
  static final byte[] CLEAR_SCREEN = "\u001b[2J\u001b[1;32mclear".getBytes(StandardCharsets.UTF_8);
  static final byte[] C1_CSI = "c1\u009b31m".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path tmp;

  Path root;

  @BeforeEach
  void oddNames() throws IOException {
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    Path t = root.resolve("tmp");
    for (byte[] name : List.of(NOT_UTF8, FAKE_VERDICT, CLEAR_SCREEN, C1_CSI)) {
      Trees.rawFile(t, name, "odd");
    }
    Path cafe = Trees.rawPath(t, CAFE);
    Files.createDirectories(cafe);
    Trees.rawFile(cafe, NOT_UTF8, "inside");
  }

  private ForkedJvm.Result run(String locale, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--root", root.toString(), "--profile", "ec2-linux", "--state-dir",
        tmp.resolve("state").toString()));
    ForkedJvm.Result r = new ForkedJvm().locale(locale).run(Files.createDirectories(tmp.resolve("cwd")),
        all.toArray(String[]::new));
    assertThat(r.errText()).doesNotContain("Exception");
    return r;
  }

  @ParameterizedTest
  @ValueSource(strings = {"C", "C.UTF-8"})
  void namesThatAreNotUtf8ArePlannedAndShownWithEscapes(String locale) throws IOException, InterruptedException {
    ForkedJvm.Result dry = run(locale, "clean", "--dry-run", "--verbose");
    assertThat(dry.exitCode()).as(dry.errText()).isZero();
    String text = dry.outText();
    assertThat(text).contains("/tmp/bad\\xff\\xfe", "/tmp/café", "/tmp/x\\nREADY · 99 pass", "/tmp/\\x1b[2J",
        "/tmp/c1\\u009b31m");
    assertThat(text.lines()).noneMatch(l -> l.startsWith("READY"));
    for (byte b : dry.out()) {
      assertThat(b).as("no raw ESC or C1 byte in the text report").isNotEqualTo((byte) 0x1b);
    }
    assertThat(text).doesNotContain("\u009b", "\ufffd");

    ForkedJvm.Result json = run(locale, "clean", "--dry-run", "--format", "json");
    JsonNode plan = ReportSchema.validated(json.outText());
    List<String> paths = plan.get("cleanup").findValuesAsText("path");
    assertThat(paths).contains("/tmp/bad\udcff\udcfe", "/tmp/café", "/tmp/x\nREADY · 99 pass · exit 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"C", "C.UTF-8"})
  void cleanRemovesThemAll(String locale) throws IOException, InterruptedException {
    ForkedJvm.Result r = run(locale, "clean", "--yes");
    assertThat(r.exitCode()).as(r.outText() + r.errText()).isZero();
    assertThat(r.outText()).contains("DONE");
    try (var left = Files.list(root.resolve("tmp"))) {
      assertThat(left).isEmpty();
    }
  }
}

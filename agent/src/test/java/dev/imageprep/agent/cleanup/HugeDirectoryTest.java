package dev.imageprep.agent.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.ForkedJvm;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory with very many entries, in a JVM with a small heap (the million-file case of the
 * benchmark, scaled down with the heap): planned, cleaned, journalled and reported without running
 * out of memory, with exact counts and bytes, and a JSON report that summarises the item rather than
 * listing every path.
 */
class HugeDirectoryTest {

  static final int FILES = 100_000;
  static final String HEAP = "-Xmx40m";

  @TempDir
  Path tmp;

  Path root;
  long bytes;

  @BeforeEach
  void hugeDirectory() throws IOException {
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    Path varTmp = root.resolve("var/tmp");
    Files.delete(varTmp.resolve("cache.bin"));
    byte[] content = new byte[17];
    for (int i = 0; i < FILES; i++) {
      int size = i % content.length;
      Files.write(varTmp.resolve(String.format("f%07d", i)), java.util.Arrays.copyOf(content, size));
      bytes += size;
    }
  }

  private JsonNode run(int expectedExit, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--root", root.toString(), "--profile", "ec2-linux", "--format", "json", "--state-dir",
        tmp.resolve("state").toString(), "--output", tmp.resolve("report.json").toString()));
    ForkedJvm.Result r = new ForkedJvm().jvm(HEAP).run(Files.createDirectories(tmp.resolve("cwd")),
        all.toArray(String[]::new));
    assertThat(r.errText()).doesNotContain("Exception", "Error");
    assertThat(r.exitCode()).as(r.errText()).isEqualTo(expectedExit);
    Path report = tmp.resolve("report.json");
    assertThat(Files.size(report)).as("a summary, not a path per file").isLessThan(200_000);
    return ReportSchema.validated(Files.readString(report, StandardCharsets.UTF_8));
  }

  private JsonNode varTmp(JsonNode report) {
    for (JsonNode s : report.get("cleanup")) {
      if (s.get("id").asText().equals("var-tmp-files")) {
        return s;
      }
    }
    throw new AssertionError("no var-tmp-files entry");
  }

  @Test
  void planCleanAndReportInASmallHeapWithExactCountAndBytes() throws IOException, InterruptedException {
    JsonNode plan = run(0, "clean", "--dry-run");
    JsonNode planned = varTmp(plan);
    assertThat(planned.get("count").asLong()).isEqualTo(FILES);
    assertThat(planned.get("bytes").asLong()).isEqualTo(bytes);
    assertThat(planned.get("path").asText()).isEqualTo("/var/tmp");
    assertThat(plan.at("/summary/cleanupPlanned").asLong()).isGreaterThanOrEqualTo(FILES);

    JsonNode done = run(0, "clean", "--yes");
    assertThat(varTmp(done).get("status").asText()).isEqualTo("done");
    assertThat(varTmp(done).get("count").asLong()).isEqualTo(FILES);
    assertThat(varTmp(done).get("bytes").asLong()).isEqualTo(bytes);
    assertThat(done.at("/summary/cleanupFailed").asInt()).isZero();
    try (var left = Files.list(root.resolve("var/tmp"))) {
      assertThat(left).isEmpty();
    }
    Path journal;
    try (var files = Files.list(tmp.resolve("state"))) {
      journal = files.filter(p -> p.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
    }
    String text = Files.readString(journal);
    assertThat(text).contains("f0000000", "f0099999");
    assertThat(Files.size(journal)).as("names batched, not a line per file").isLessThan(FILES * 40L);
  }
}

package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.Main;
import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.testing.ProducedReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means", end to end on a real Debian 12 root: the clean base system has no
 * finding that its cleanup does not remove (its SSH host keys), and with the corpus planted in the
 * usual places {@code check --profile ec2-linux} finds every planted file without printing a value.
 * Needs root and {@code testing/debian-root.sh} (debootstrap, or its cached tree).
 */
@Tag("debootstrap")
class DebianRootSecretsTest {

  @TempDir
  Path tmp;

  @Test
  void cleanBaseIsQuietAndPlantedSecretsAreAllFound() throws Exception {
    Path root = debianRoot();

    JsonNode clean = secretsCheck(root, "clean");
    Set<String> unresolved = new TreeSet<>();
    for (JsonNode e : clean.path("evidence")) {
      if (!e.has("removedBy")) {
        unresolved.add(e.path("path").asText() + ":" + e.path("line").asText() + " " + e.path("kind").asText());
      }
    }
    assertThat(unresolved).as("findings on the clean base that cleanup does not remove").isEmpty();
    assertThat(clean.path("evidence")).extracting(e -> e.path("removedBy").asText()).containsOnly("ssh-host-keys");

    plant(Corpus.root(), root);
    JsonNode planted = secretsCheck(root, "planted");
    Set<String> expectedFiles = Corpus.labels().stream().map(Corpus.Label::path).collect(Collectors.toSet());
    Set<String> foundFiles = new TreeSet<>();
    planted.path("evidence").forEach(e -> foundFiles.add(e.path("path").asText()));
    long hit = expectedFiles.stream().filter(foundFiles::contains).count();
    assertThat((double) hit / expectedFiles.size()).as("file-level recall, missed: %s",
        expectedFiles.stream().filter(f -> !foundFiles.contains(f)).toList()).isGreaterThanOrEqualTo(0.95);
    List<String> extra = new ArrayList<>();
    for (JsonNode e : planted.path("evidence")) {
      String path = e.path("path").asText();
      if (!expectedFiles.contains(path) && !e.has("removedBy")) {
        extra.add(path);
      }
    }
    assertThat(extra).as("findings that are neither planted nor removed by cleanup").isEmpty();
  }

  /** Runs check in JSON and text, asserts no planted value is printed, and returns the secrets result. */
  private JsonNode secretsCheck(Path root, String name) throws Exception {
    String json = null;
    for (String format : List.of("json", "text")) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      Main.run(CommandContext.standard(AgentEnvironment.system()), new PrintWriter(out), new PrintWriter(err), "check",
          "--root", root.toString(), "--profile", "ec2-linux", "--state-dir", tmp.resolve("state-" + name).toString(),
          "--format", format);
      ProducedReports.validate(java.nio.file.FileSystems.getDefault(), new String[0], out.toString());
      for (String secret : Corpus.secretValues()) {
        assertThat(out + "\n" + err).doesNotContain(secret);
      }
      if (format.equals("json")) {
        json = out.toString();
      }
    }
    for (JsonNode c : new ObjectMapper().readTree(json).path("checks")) {
      if (c.path("id").asText().equals("no-secrets-left")) {
        return c;
      }
    }
    throw new AssertionError("no-secrets-left did not run");
  }

  private Path debianRoot() throws Exception {
    Path script = Path.of("..", "testing", "debian-root.sh").toAbsolutePath().normalize();
    assumeTrue(Files.isRegularFile(script), "testing/debian-root.sh is next to the agent module");
    Path dest = tmp.resolve("debian");
    Process p = new ProcessBuilder("bash", script.toString(), dest.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assumeTrue(p.waitFor() == 0, "a Debian root could be built or copied (needs root and debootstrap): " + log);
    return dest;
  }

  /** Copies the corpus tree into the image, keeping the image's own directories. */
  private static void plant(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}

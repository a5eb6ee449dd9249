package dev.imageprep.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.run.Interruptions;
import dev.imageprep.agent.testing.BlindHost;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.FakeRunner;
import dev.imageprep.agent.testing.ImageTree;
import dev.imageprep.agent.testing.SchemaValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of JSON report the tool writes — check, clean and prepare; dry-run and real; a mounted
 * root and a live system; ready, failing, unknown, blocked, forced and interrupted — is valid against
 * the published schema, judged by a third-party validator.
 */
class ReportSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  /** One way to run the tool, and what it must end in. */
  record Scenario(String name, boolean live, UnaryOperator<CommandContext> context, int exit, String verdict,
      String... args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> scenarios() {
    UnaryOperator<CommandContext> same = c -> c;
    UnaryOperator<CommandContext> blind = c -> new CommandContext(c.env(), BlindHost.blindVolumes(c.opener()),
        c.types(), c.writers(), c.interruptions(), c.tool());
    UnaryOperator<CommandContext> interrupted = c -> new CommandContext(c.env(), c.opener(), c.types(),
        c.writers(), () -> {
          Interruptions i = Interruptions.none();
          i.interrupt();
          return i;
        }, c.tool());
    List<Scenario> all = new ArrayList<>();
    for (boolean live : new boolean[] {false, true}) {
      String where = live ? "live " : "root ";
      all.add(new Scenario(where + "check, a finding the cleanup removes", live, same, 1, "NOT READY", "check",
          "--profile", "ec2-linux"));
      all.add(new Scenario(where + "check, volume unknown", live, blind, 1, "NOT READY", "check", "--profile",
          "linux"));
      all.add(new Scenario(where + "check, components missing", live, same, 1, "NOT READY", "check", "--profile",
          "workspaces-linux"));
      all.add(new Scenario(where + "clean --dry-run", live, same, 0, "PLANNED", "clean", "--dry-run", "--profile",
          "ec2-linux"));
      all.add(new Scenario(where + "clean", live, same, 0, "DONE", "clean", "--yes", "--profile", "ec2-linux"));
      all.add(new Scenario(where + "clean, interrupted", live, interrupted, 3, "INCOMPLETE", "clean", "--yes",
          "--profile", "ec2-linux"));
      all.add(new Scenario(where + "prepare --dry-run", live, same, 0, "PLANNED", "prepare", "--dry-run",
          "--profile", "ec2-linux"));
      all.add(new Scenario(where + "prepare --dry-run, blocked", live, blind, 1, "NOT READY", "prepare",
          "--dry-run", "--profile", "ec2-linux"));
      all.add(new Scenario(where + "prepare", live, same, 0, "READY", "prepare", "--yes", "--profile",
          "ec2-linux"));
      all.add(new Scenario(where + "prepare, blocked by an unknown", live, blind, 1, "NOT READY", "prepare",
          "--yes", "--profile", "ec2-linux"));
      all.add(new Scenario(where + "prepare --force, still unknown after", live, blind, 1, "NOT READY", "prepare",
          "--yes", "--force", "--profile", "ec2-linux"));
      all.add(new Scenario(where + "prepare, interrupted", live, interrupted, 3, "INCOMPLETE", "prepare", "--yes",
          "--profile", "ec2-linux"));
    }
    return all.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyReportIsValid(Scenario s) throws IOException {
    FileSystem fs = s.live() ? Jimfs.newFileSystem(Configuration.unix()) : temp.getFileSystem();
    Path root = s.live() ? fs.getPath("/") : temp.resolve("image");
    ImageTree.at(root).debian();
    Path state = s.live() ? fs.getPath("/run/imageprep") : temp.resolve("state");
    Path report = s.live() ? fs.getPath("/var/tmp/report.json") : temp.resolve("out/report.json");
    List<String> args = new ArrayList<>(List.of(s.args()));
    args.addAll(List.of("--format", "json", "--output", report.toString(), "--state-dir", state.toString()));
    if (!s.live()) {
      args.addAll(List.of("--root", root.toString()));
    }

    CliHarness.Result r = new CliHarness(fs, state).runner(FakeRunner.aptUpToDate()).customize(s.context())
        .run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(s.exit());
    String json = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(SchemaValidator.problems(json)).as(json).isEmpty();
    JsonNode node = JSON.readTree(json);
    assertThat(node.get("verdict").asText()).isEqualTo(s.verdict());
    assertThat(node.get("exitCode").asInt()).isEqualTo(s.exit());
    assertThat(node.at("/host/offline").asBoolean()).isEqualTo(!s.live());
  }

  @Test
  void theReportOnStdoutIsValidToo(@TempDir Path image) {
    ImageTree.at(image).debian();
    CliHarness.Result r = new CliHarness(temp.getFileSystem(), temp.resolve("state"))
        .run("check", "--root", image.toString(), "--profile", "ec2-linux", "--format", "json", "--state-dir",
            temp.resolve("state").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(SchemaValidator.problems(r.out())).isEmpty();
  }

  @Test
  void theValidatorRejectsWhatTheSchemaForbids() throws IOException {
    String valid = new CliHarness(temp.getFileSystem(), temp).run("check", "--root",
        ImageTree.at(temp.resolve("img")).debian().root().toString(), "--profile", "linux", "--format", "json",
        "--state-dir", temp.toString()).out();
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(valid);
    node.put("verdict", "MAYBE");
    node.put("startedAt", "yesterday");

    assertThat(SchemaValidator.problems(node.toString())).hasSize(2);
  }
}

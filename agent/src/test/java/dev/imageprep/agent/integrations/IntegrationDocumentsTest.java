package dev.imageprep.agent.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.imageprep.agent.cli.CommandLines;
import dev.imageprep.agent.integrations.IntegrationDocuments.Command;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.check.CheckTypes;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The fleet integrations (Ansible, SSM, Image Builder, Packer, and the examples in their README) call
 * imageprep with command lines that the real CLI accepts: every one is parsed with picocli after its
 * template variables are filled with the documents' own defaults, so a renamed option or format
 * breaks this test instead of a fleet's pipeline.
 */
class IntegrationDocumentsTest {

  static final Path DIR = IntegrationDocuments.DIR;

  private static Map<String, List<Command>> byFile;

  @BeforeAll
  static void collect() {
    byFile = IntegrationDocuments.commands();
  }

  private static List<Command> all() {
    return byFile.values().stream().flatMap(List::stream).toList();
  }

  @Test
  void everyDocumentCallsImageprep() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    byFile.forEach((file, found) -> counts.put(file, found.size()));

    assertThat(counts).containsEntry("ansible/roles/imageprep/tasks/main.yml", 2)
        .containsEntry("ssm/imageprep-preflight.yaml", 4)
        .containsEntry("imagebuilder/imageprep-component.yaml", 4)
        .containsEntry("packer/imageprep.pkr.hcl", 2);
    assertThat(counts.get("README.md")).isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyCommandLineParsesWithTheRealCli() {
    CliHarness harness = new CliHarness(FileSystems.getDefault(), Path.of("state"));
    List<String> profiles = new ArrayList<>(Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, List.of())
        .profileIds());
    profiles.add("auto");
    for (Command f : all()) {
      assertThat(String.join(" ", f.args())).as(f.file() + ": a template variable without a value")
          .doesNotContain(ShellWords.UNSET);
      CommandLine cl = CommandLines.newCommandLine(harness.context());
      assertThatCode(() -> cl.parseArgs(f.args().toArray(String[]::new))).as(f.file() + ": " + f.args())
          .doesNotThrowAnyException();
      ParseResult leaf = cl.parseArgs(f.args().toArray(String[]::new));
      while (leaf.hasSubcommand()) {
        leaf = leaf.subcommand();
      }
      String name = leaf.commandSpec().name();
      if (leaf.hasMatchedOption("--format")) {
        Object given = leaf.matchedOption("--format").getValue();
        List<?> formats = given instanceof List<?> list ? list : List.of(given);
        List<String> known = name.equals("stamp") ? List.of("text", "json", "aws-tags")
            : ReportWriters.standard().names();
        assertThat(known).as(f.file() + ": " + f.args()).containsAll(formats.stream().map(String::valueOf).toList());
      }
      if (leaf.hasMatchedOption("--profile")) {
        assertThat(profiles).as(f.file() + ": " + f.args()).contains(leaf.matchedOptionValue("--profile", ""));
      }
    }
  }

  @Test
  void changingCommandsNeverWaitForAnAnswerNobodyCanGive() {
    for (Command f : all()) {
      boolean changes = (f.command().equals("clean") || f.command().equals("prepare"))
          && !f.args().contains("--dry-run") && !f.args().contains("-n");
      if (changes) {
        assertThat(f.args()).as(f.file() + " runs without a terminal").contains("--yes");
      }
    }
  }

  @Test
  void orchestratorsWriteTheReportToAFile() {
    for (Command f : all()) {
      if (!f.file().endsWith(".md") && (f.command().equals("check") || f.command().equals("prepare"))) {
        assertThat(f.args()).as(f.file() + ": SSM and friends keep only part of stdout").contains("--output");
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSsmDocumentHasALinuxAndAWindowsStep() throws IOException {
    Map<String, Object> doc = new Yaml().load(Files.readString(DIR.resolve("ssm/imageprep-preflight.yaml")));

    assertThat(doc.get("schemaVersion")).isEqualTo("2.2");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) doc.get("mainSteps");
    assertThat(steps.stream().map(s -> s.get("action")).toList())
        .containsExactly("aws:runShellScript", "aws:runPowerShellScript");
    assertThat(steps.stream().map(s -> String.valueOf(((Map<?, ?>) s.get("precondition")).get("StringEquals")))
        .toList()).containsExactly("[platformType, Linux]", "[platformType, Windows]");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theImageBuilderComponentValidatesAndTests() throws IOException {
    Map<String, Object> doc = new Yaml().load(Files.readString(DIR.resolve("imagebuilder/imageprep-component.yaml")));

    assertThat(doc.get("schemaVersion")).isEqualTo(1.0);
    List<Map<String, Object>> phases = (List<Map<String, Object>>) doc.get("phases");
    assertThat(phases.stream().map(p -> p.get("name")).toList()).containsExactly("build", "validate", "test");
  }
}

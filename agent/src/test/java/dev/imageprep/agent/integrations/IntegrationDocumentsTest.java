package dev.imageprep.agent.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.imageprep.agent.cli.CommandLines;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.check.CheckTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

  /** Relative to the agent module, where Maven runs its tests. */
  static final Path DIR = Path.of("..", "installer", "src", "main", "integrations");

  /** One command line found in a document. */
  record Found(String file, List<String> args) {
    String command() {
      return args.isEmpty() || args.get(0).startsWith("-") ? "" : args.get(0);
    }
  }

  private static final Map<String, List<Found>> BY_FILE = new TreeMap<>();

  @BeforeAll
  static void collect() throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = DIR.relativize(f).toString();
        String text = Files.readString(f, StandardCharsets.UTF_8);
        List<Found> found = new ArrayList<>();
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
          Map<String, String> vars = yamlVariables(f, text);
          for (Object doc : new Yaml().loadAll(text)) {
            walk(doc, null, vars, name, found);
          }
        } else if (name.endsWith(".hcl")) {
          Map<String, String> vars = hclVariables(text);
          Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*imageprep(?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
          while (m.find()) {
            scan(ShellWords.fill(m.group(1).replace("\\\"", "\""), vars), name, found);
          }
        } else if (name.endsWith(".md")) {
          Matcher m = Pattern.compile("(?s)```[a-z]*\\n(.*?)```").matcher(text);
          while (m.find()) {
            scan(m.group(1), name, found);
          }
        }
        BY_FILE.put(name, found);
      }
    }
  }

  private static void scan(String script, String file, List<Found> out) {
    ShellWords.imageprepCommands(script).forEach(args -> out.add(new Found(file, args)));
  }

  /** The keys under which the documents hold scripts: SSM, AWSTOE, Ansible. */
  private static final java.util.Set<String> SCRIPTS = java.util.Set.of("runCommand", "commands", "cmd", "shell",
      "argv");

  /** Finds the scripts (strings or lists of lines) and Ansible {@code argv} lists, which are the command itself. */
  private static void walk(Object node, String key, Map<String, String> vars, String file, List<Found> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, String.valueOf(k), vars, file, out));
    } else if (node instanceof List<?> list && list.stream().allMatch(o -> o instanceof String)) {
      if (!SCRIPTS.contains(key) || list.isEmpty()) {
        return;
      }
      List<String> lines = list.stream().map(o -> ShellWords.fill((String) o, vars)).toList();
      if (key.equals("argv")) {
        if (ShellWords.isImageprep(lines.get(0))) {
          out.add(new Found(file, lines.subList(1, lines.size())));
        }
      } else {
        scan(String.join("\n", lines), file, out);
      }
    } else if (node instanceof List<?> list) {
      list.forEach(o -> walk(o, key, vars, file, out));
    } else if (node instanceof String s && SCRIPTS.contains(key)) {
      scan(ShellWords.fill(s, vars), file, out);
    }
  }

  /** SSM and Image Builder parameters with their defaults; for Ansible, the role's defaults. */
  private static Map<String, String> yamlVariables(Path file, String text) throws IOException {
    Map<String, String> vars = new HashMap<>();
    vars.put("inventory_hostname", "build-01");
    Path defaults = DIR.resolve("ansible/roles/imageprep/defaults/main.yml");
    Map<String, Object> role = new Yaml().load(Files.readString(defaults, StandardCharsets.UTF_8));
    role.forEach((k, v) -> vars.put(k, String.valueOf(v)));
    Object doc = new Yaml().loadAll(text).iterator().next();
    if (doc instanceof Map<?, ?> m && m.get("parameters") instanceof Map<?, ?> ssm) {
      ssm.forEach((k, v) -> vars.put(String.valueOf(k), String.valueOf(((Map<?, ?>) v).get("default"))));
    } else if (doc instanceof Map<?, ?> m && m.get("parameters") instanceof List<?> toe) {
      for (Object p : toe) {
        ((Map<?, ?>) p).forEach((k, v) -> vars.put(String.valueOf(k), String.valueOf(((Map<?, ?>) v).get("default"))));
      }
    }
    return vars;
  }

  private static Map<String, String> hclVariables(String text) {
    Map<String, String> vars = new HashMap<>();
    Matcher m = Pattern.compile("variable \"(\\w+)\" \\{[^}]*?default\\s*=\\s*\"([^\"]*)\"").matcher(text);
    while (m.find()) {
      vars.put(m.group(1), m.group(2));
    }
    Matcher noDefault = Pattern.compile("variable \"(\\w+)\"").matcher(text);
    while (noDefault.find()) {
      vars.putIfAbsent(noDefault.group(1), "VALUE");
    }
    return vars;
  }

  private static List<Found> all() {
    return BY_FILE.values().stream().flatMap(List::stream).toList();
  }

  @Test
  void everyDocumentCallsImageprep() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    BY_FILE.forEach((file, found) -> counts.put(file, found.size()));

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
    for (Found f : all()) {
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
    for (Found f : all()) {
      boolean changes = (f.command().equals("clean") || f.command().equals("prepare"))
          && !f.args().contains("--dry-run") && !f.args().contains("-n");
      if (changes) {
        assertThat(f.args()).as(f.file() + " runs without a terminal").contains("--yes");
      }
    }
  }

  @Test
  void orchestratorsWriteTheReportToAFile() {
    for (Found f : all()) {
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

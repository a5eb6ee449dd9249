package dev.imageprep.agent.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.cleanup.CleanupAction;
import dev.imageprep.agent.cleanup.CleanupActions;
import dev.imageprep.agent.cli.RootCommand;
import dev.imageprep.agent.report.ReportWriter;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.ActionPlanning;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every registry the agent extends through (cleanup actions and their planning, report formats,
 * subcommands, profiles) is complete, kept sorted where its order is not meaningful, tested and
 * documented: adding a class without its registration, test or documentation fails here. The check-type registry has its own
 * test in rules ({@code CheckTypesTest}).
 */
class RegistriesTest {

  private static final Path MAIN = Path.of("src/main/java/dev/imageprep/agent");
  private static final Path TESTS = Path.of("src/test/java/dev/imageprep/agent");
  private static final Path DOCS = Path.of("..", "docs");
  private static final Path RULES_CLEANUP = Path.of("..", "rules", "src", "main", "java", "dev", "imageprep", "rules",
      "cleanup");
  private static final Path RULES_CLEANUP_TESTS = Path.of("..", "rules", "src", "test", "java", "dev", "imageprep",
      "rules", "cleanup");

  @Test
  void everyCleanupActionClassIsRegisteredTestedAndEveryKindHasOne() throws IOException {
    List<String> classes = implementations(MAIN.resolve("cleanup"), CleanupAction.class);
    CleanupActions standard = CleanupActions.standard();
    List<String> registered = new ArrayList<>();
    Map<String, List<String>> tokens = new LinkedHashMap<>();
    for (ActionKind kind : ActionKind.values()) {
      if (kind == ActionKind.EMPTY_DIR) {
        assertThat(standard.forKind(kind)).as("empty-dir is planned as remove steps, it has no action").isEmpty();
        continue;
      }
      assertThat(standard.forKind(kind)).as("an action for " + kind.key()).isPresent();
      String name = standard.forKind(kind).orElseThrow().getClass().getSimpleName();
      registered.add(name);
      tokens.put(name, List.of("\"" + kind.key() + "\"", "ActionKind." + kind.name(), "action: " + kind.key()));
    }
    assertThat(registered).containsExactlyInAnyOrderElementsOf(classes);
    assertTested(tokens);
    assertKeptSorted(MAIN.resolve("cleanup/CleanupActions.java"));
  }

  @Test
  void everyActionKindHasItsOwnPlanningClassAndEveryPlanningClassAKind() throws IOException {
    List<String> classes = implementations(RULES_CLEANUP, ActionPlanning.class);
    List<String> planned = new ArrayList<>();
    for (ActionKind kind : ActionKind.values()) {
      assertThat(kind.planning()).as("the planning of " + kind.key()).isNotNull();
      planned.add(kind.planning().getClass().getSimpleName());
    }
    assertThat(planned).as("one planning class per kind").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(classes);
    String plannerTests = readAll(RULES_CLEANUP_TESTS);
    for (ActionKind kind : ActionKind.values()) {
      assertThat(plannerTests.contains("ActionKind." + kind.name())).as("a planner test plans " + kind.key()).isTrue();
    }
  }

  @Test
  void everyActionKindIsDocumentedAndNamedInTheCatalogError() throws IOException {
    String cleanupPage = Files.readString(DOCS.resolve("cleanup.md"));
    String actions = cleanupPage.substring(cleanupPage.indexOf("## Actions"));
    for (ActionKind kind : ActionKind.values()) {
      assertThat(actions.contains("| `" + kind.key() + "` |")).as("docs/cleanup.md's Actions table: " + kind.key()).isTrue();
    }
    try {
      ActionKind.ofKey("no-such-action");
    } catch (IllegalArgumentException e) {
      for (ActionKind kind : ActionKind.values()) {
        assertThat(e.getMessage()).as("the catalog error lists every action").contains(kind.key());
      }
      return;
    }
    throw new AssertionError("an unknown action key was accepted");
  }

  @Test
  void everyReportWriterIsRegisteredTestedAndDocumented() throws IOException {
    List<String> classes = implementations(MAIN.resolve("report"), ReportWriter.class);
    List<String> registered = ReportWriters.standard().all().stream().map(w -> w.getClass().getSimpleName()).toList();
    assertThat(registered).containsExactlyInAnyOrderElementsOf(classes);
    Map<String, List<String>> tokens = new LinkedHashMap<>();
    ReportWriters.standard().all().forEach(w -> tokens.put(w.getClass().getSimpleName(), keyTokens(w.name())));
    assertTested(tokens);
    assertKeptSorted(MAIN.resolve("report/ReportWriters.java"));
    String reports = Files.readString(DOCS.resolve("reports.md"));
    for (String name : ReportWriters.standard().names()) {
      assertThat(reports.toLowerCase(java.util.Locale.ROOT).contains("`" + name + "`"))
          .as("docs/reports.md documents --format " + name).isTrue();
    }
  }

  @Test
  void everySubcommandIsInTheReadmeAndHasATest() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    Map<String, List<String>> tokens = new LinkedHashMap<>();
    for (var e : RootCommand.SUBCOMMANDS.entrySet()) {
      assertThat(readme.contains("| `" + e.getKey())).as("the README's command table names " + e.getKey()).isTrue();
      tokens.put(e.getValue().getSimpleName(), keyTokens(e.getKey()));
    }
    assertTested(tokens);
    List<String> commandClasses;
    try (Stream<Path> files = Files.list(MAIN.resolve("cli"))) {
      commandClasses = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Command.java"))
          .map(n -> n.substring(0, n.length() - ".java".length())).filter(n -> !n.equals("RootCommand")).sorted().toList();
    }
    String cli = readAll(MAIN.resolve("cli"));
    for (String c : commandClasses) {
      assertThat(cli.contains(c + ".class")).as(c + " is reachable from the root command").isTrue();
    }
  }

  @Test
  void everyBuiltInProfileHasAGeneratedReferencePage() {
    for (String id : Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, List.of()).profileIds()) {
      assertThat(DOCS.resolve("reference").resolve(id + ".md")).as("docs/reference for profile " + id).exists();
    }
  }

  /** The concrete classes directly in {@code dir} that implement {@code type}. */
  private static List<String> implementations(Path dir, Class<?> type) throws IOException {
    List<String> found = new ArrayList<>();
    String pkg = type.getPackageName();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = p.getFileName().toString().replace(".java", "");
        try {
          Class<?> c = Class.forName(pkg + "." + name);
          if (type.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
            found.add(name);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(name + " in " + dir + " is not a class of package " + pkg, e);
        }
      }
    }
    assertThat(found).as("implementations of " + type.getSimpleName()).isNotEmpty();
    return found;
  }

  /**
   * Each entry is exercised by some test: one names its class, or uses its key the way tests drive
   * it (a quoted {@code --format}/subcommand/action key, {@code ActionKind.X}, {@code action: key}).
   */
  private static void assertTested(Map<String, List<String>> tokensByClass) throws IOException {
    String tests = readAll(TESTS);
    List<String> untested = new ArrayList<>();
    tokensByClass.forEach((c, tokens) -> {
      if (!Pattern.compile("\\b" + c + "\\b").matcher(tests).find() && tokens.stream().noneMatch(tests::contains)) {
        untested.add(c);
      }
    });
    assertThat(untested).as("registered but exercised by no test").isEmpty();
  }

  private static List<String> keyTokens(String key) {
    return List.of("\"" + key + "\"");
  }

  private static void assertKeptSorted(Path source) throws IOException {
    String text = Files.readString(source);
    String block = text.substring(text.indexOf("// keep-sorted start"), text.indexOf("// keep-sorted end"));
    List<String> lines = block.lines().skip(1).map(String::strip).filter(l -> l.startsWith("new ")).toList();
    assertThat(lines).as("the registration list in " + source.getFileName()).isNotEmpty()
        .isSortedAccordingTo(String::compareTo);
  }

  private static String readAll(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sb.append(Files.readString(p)).append('\n');
      }
    }
    return sb.toString();
  }
}

package dev.imageprep.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry is the only way a check type exists: every *Check class is in it, in sorted order. */
class CheckTypesTest {

  @Test
  void everyCheckClassIsRegisteredAndHasATest() throws IOException {
    List<String> classes;
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/imageprep/rules/check"))) {
      classes = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Check.java"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    }
    List<String> registered = CheckTypes.builtIn().all().stream().map(t -> t.getClass().getSimpleName()).sorted().toList();
    assertThat(registered).containsExactlyElementsOf(classes);
    String tests = readAll(Path.of("src/test/java/dev/imageprep/rules/check"));
    for (String c : classes) {
      assertThat(tests).as("a test that names " + c).contains(c);
    }
  }

  @Test
  void theRegistryListIsKeptSorted() throws IOException {
    String source = Files.readString(Path.of("src/main/java/dev/imageprep/rules/check/CheckTypes.java"));
    String block = source.substring(source.indexOf("// keep-sorted start"), source.indexOf("// keep-sorted end"));
    List<String> lines = block.lines().skip(1).map(String::strip).filter(l -> l.startsWith("new ")).toList();
    assertThat(lines).isSortedAccordingTo(String::compareTo);
  }

  @Test
  void eachKeyNamesItsClass() {
    for (CheckType<?> t : CheckTypes.builtIn().all()) {
      String expected = t.key().replace("-", "") + "check";
      assertThat(t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)).as(t.key()).isEqualTo(expected);
    }
  }

  @Test
  void eachTypeDeclaresItsMetadataInItsConstructor() {
    for (CheckType<?> t : CheckTypes.builtIn().all()) {
      assertThat(t).as(t.getClass().getSimpleName()).isInstanceOf(CheckTypeBase.class);
    }
  }

  @Test
  void theGuideShowsTheExampleCheckAsItIs() throws IOException {
    String source = Files.readString(Path.of("src/main/java/dev/imageprep/rules/check/PackagesAbsentCheck.java"));
    String guide = Files.readString(Path.of("../docs/extending.md"));
    String shown = guide.substring(guide.indexOf("```java\n") + "```java\n".length());
    assertThat(source.substring(source.indexOf("/** None of the named"))).as("docs/extending.md's check type")
        .isEqualToIgnoringWhitespace(shown.substring(0, shown.indexOf("```")));
  }

  @Test
  void keysAreKebabCaseAndSummariesAreOneLine() {
    for (CheckType<?> t : CheckTypes.builtIn().all()) {
      assertThat(t.key()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(t.summary()).doesNotContain("\n").doesNotEndWith(".");
    }
  }

  private static String readAll(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        sb.append(Files.readString(p));
      }
    }
    return sb.toString();
  }
}

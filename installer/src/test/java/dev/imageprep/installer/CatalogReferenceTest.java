package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.CleanupEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference/} is generated from the bundled catalog. This test renders it again and fails
 * when the committed pages differ, naming the command that brings them up to date:
 *
 * <pre>mvn -B -q -pl installer -am test -Dtest=CatalogReferenceTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dimageprep.writeReference=true</pre>
 */
class CatalogReferenceTest {

  private static final Path DIR = Build.REPO.resolve("docs/reference");
  private static final String REGENERATE = "mvn -B -q -pl installer -am test -Dtest=CatalogReferenceTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dimageprep.writeReference=true";

  private final Map<String, String> pages = CatalogReference.bundled(CheckTypes.builtIn()).pages();

  @Test
  void committedReferenceIsCurrent() throws IOException {
    if (Boolean.getBoolean("imageprep.writeReference")) {
      write();
    }
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Path file = DIR.resolve(page.getKey());
      if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(page.getValue())) {
        stale.add(page.getKey());
      }
    }
    try (Stream<Path> files = Files.list(DIR)) {
      files.map(f -> f.getFileName().toString()).filter(n -> !pages.containsKey(n))
          .forEach(n -> stale.add(n + " (no longer generated)"));
    }
    assertThat(stale).as("docs/reference is stale; regenerate it with:%n  %s", REGENERATE).isEmpty();
  }

  @Test
  void everyRuleAndCleanupItemOfEveryProfileIsOnItsPage() {
    Catalog catalog = Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, List.of()).loadAll();
    assertThat(catalog.profileIds()).hasSize(Catalog.BUNDLED.size());
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      String page = pages.get(id + ".md");
      assertThat(page).as("page of profile %s", id).isNotNull();
      assertThat(p.rules()).isNotEmpty();
      for (RuleEntry r : p.rules()) {
        assertThat(page).as("%s in %s", r.id(), id).contains("\n### " + r.id() + "\n").contains(r.source());
      }
      for (CleanupEntry c : p.cleanup()) {
        assertThat(page).as("%s in %s", c.id(), id).contains("\n### " + c.id() + "\n").contains(c.source());
        c.paths().forEach(g -> assertThat(page).contains("`" + g + "`"));
      }
      assertThat(pages.get("README.md")).contains("[`" + id + "`](" + id + ".md)");
    }
  }

  @Test
  void theIndexListsTheCitedPublicDocuments() {
    String index = pages.get("README.md");
    assertThat(index).contains("\n## Sources\n")
        .contains("| https://docs.aws.amazon.com/workspaces/latest/adminguide/create-custom-bundle.html | ")
        .contains("| https://docs.aws.amazon.com/opsworks/latest/userguide/workinginstances-custom-ami.html | ")
        .contains("| https://libguestfs.org/virt-sysprep.1.html | ")
        .doesNotContain("seeds/");
  }

  @Test
  void parametersAreRenderedFromTheRecord() {
    record Inner(String name) {}
    record Params(String path, double maxPercent, List<String> ids, Inner inner, List<String> none) {}
    assertThat(CatalogReference.parameters(new Params("/", 97.0, List.of("a", "b"), new Inner("x"), List.of())))
        .isEqualTo("`path`: `/`; `maxPercent`: `97.0`; `ids`: `a`, `b`; `inner`: {name: x}");
  }

  private void write() throws IOException {
    Files.createDirectories(DIR);
    try (Stream<Path> old = Files.list(DIR)) {
      for (Path f : old.toList()) {
        if (!pages.containsKey(f.getFileName().toString())) {
          Files.delete(f);
        }
      }
    }
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Files.writeString(DIR.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }
}

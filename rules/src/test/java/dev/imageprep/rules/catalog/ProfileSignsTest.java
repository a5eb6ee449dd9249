package dev.imageprep.rules.catalog;

import static dev.imageprep.rules.catalog.CatalogTestSupport.bundledWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.cleanup.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --profile auto} detects from the signs each profile declares ({@code detect:}); these tests
 * hold the signs to what the catalog itself checks and cleans, in both directions, so that a path a
 * WorkSpaces rule names can never be missing from WorkSpaces detection again.
 */
class ProfileSignsTest {

  private final Catalog catalog = bundledWith().loadAll();

  /** The words that mark an agent's own files, per environment. */
  private static final Map<String, List<String>> AGENT_WORDS = Map.of(
      "workspaces", List.of("skylight", "pcoip", "teradici"),
      "opsworks", List.of("opsworks"),
      "ec2", List.of("ec2config", "ec2launch", "ec2-windows/launch"));

  /** Signs that are not named by a rule: AWS's SSM agent, which only AWS images carry but no rule requires. */
  private static final List<String> UNCHECKED_SIGNS = List.of("amazon-ssm-agent");

  @Test
  void everyEnvironmentProfileHasSignsAndTheGenericOnesHaveNone() {
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      assertThat(p.signs().isEmpty()).as(id).isEqualTo(p.environment().equals("generic"));
    }
  }

  @Test
  void everySignIsSomethingTheProfileChecksOrCleans() {
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      String named = named(p);
      List<String> signs = new ArrayList<>(p.signs().paths());
      signs.addAll(p.signs().units());
      signs.addAll(p.signs().packages());
      signs.addAll(p.signs().osIds());
      p.signs().registryKeys().forEach(k -> signs.add(k.substring(k.lastIndexOf('\\') + 1)));
      for (String sign : signs) {
        if (!UNCHECKED_SIGNS.contains(sign)) {
          assertThat(named).as(id + " names its sign " + sign).contains(sign);
        }
      }
    }
  }

  @Test
  void everyAgentPathTheProfileNamesIsASignOrLiesUnderOne() {
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      List<String> words = AGENT_WORDS.getOrDefault(p.environment(), List.of());
      List<String> agentPaths = new ArrayList<>();
      p.cleanup().forEach(c -> c.paths().stream().map(Glob::toString).forEach(agentPaths::add));
      p.rules().forEach(r -> texts(r.check().params(), agentPaths));
      for (String named : agentPaths) {
        String lower = named.toLowerCase(Locale.ROOT);
        if (!named.startsWith("/") || words.stream().noneMatch(lower::contains)) {
          continue;
        }
        assertThat(p.signs().paths()).as(id + ": " + named + " is the agent's; detection must look for it")
            .anySatisfy(sign -> assertThat(named.equals(sign) || named.startsWith(sign + "/")).isTrue());
      }
    }
  }

  /** Every text inside a rule's parameters (records, lists and maps walked through). */
  private static void texts(Object value, List<String> out) {
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof java.util.Collection<?> c) {
      c.forEach(v -> texts(v, out));
    } else if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        texts(k, out);
        texts(v, out);
      });
    } else if (value != null && value.getClass().isRecord()) {
      for (var component : value.getClass().getRecordComponents()) {
        try {
          texts(component.getAccessor().invoke(value), out);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  /** Everything a profile's rules and cleanup items name, as one text to search. */
  private static String named(Profile p) {
    StringBuilder sb = new StringBuilder();
    p.rules().forEach(r -> sb.append(r.check().params()).append(' ').append(r.when().osIds()).append('\n'));
    p.cleanup().forEach(c -> sb.append(c.paths()).append('\n'));
    return sb.toString();
  }
}

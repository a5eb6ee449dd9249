package dev.imageprep.agent.integrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * What the fleet integrations (Ansible, SSM, Image Builder, Packer, and the examples in their README)
 * run: every imageprep command line, launcher included, after template variables are filled with the
 * documents' own defaults. Shared with the installer's tests, which resolve the launchers against the
 * packages' contents.
 */
public final class IntegrationDocuments {

  /** Relative to a module directory (agent/ or installer/), where Maven runs the tests. */
  public static final Path DIR = Path.of("..", "installer", "src", "main", "integrations");

  /** One imageprep command line found in a document: the launcher as written, then its arguments. */
  public record Command(String file, String program, List<String> args) {
    /** The subcommand, or "" for a bare option such as {@code --version}. */
    public String command() {
      return args.isEmpty() || args.get(0).startsWith("-") ? "" : args.get(0);
    }
  }

  /** The keys under which the documents hold scripts: SSM, AWSTOE, Ansible. */
  private static final Set<String> SCRIPTS = Set.of("runCommand", "commands", "cmd", "shell", "argv");

  private IntegrationDocuments() {}

  /** The imageprep commands of every document under {@link #DIR}, by the document's path relative to it. */
  public static Map<String, List<Command>> commands() {
    Map<String, List<Command>> byFile = new TreeMap<>();
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = DIR.relativize(f).toString();
        List<Command> found = new ArrayList<>();
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
          Map<String, String> vars = yamlVariables(text);
          for (Object node : new Yaml().loadAll(text)) {
            walk(node, null, vars, name, found);
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
        byFile.put(name, found);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byFile;
  }

  private static void scan(String script, String file, List<Command> out) {
    for (List<String> words : ShellWords.imageprepCommands(script)) {
      out.add(new Command(file, words.get(0), words.subList(1, words.size())));
    }
  }

  /** Finds the scripts (strings or lists of lines) and Ansible {@code argv} lists, which are the command itself. */
  private static void walk(Object node, String key, Map<String, String> vars, String file, List<Command> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, String.valueOf(k), vars, file, out));
    } else if (node instanceof List<?> list && list.stream().allMatch(o -> o instanceof String)) {
      if (!SCRIPTS.contains(key) || list.isEmpty()) {
        return;
      }
      List<String> lines = list.stream().map(o -> ShellWords.fill((String) o, vars)).toList();
      if (key.equals("argv")) {
        if (ShellWords.isImageprep(lines.get(0))) {
          out.add(new Command(file, lines.get(0), lines.subList(1, lines.size())));
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
  private static Map<String, String> yamlVariables(String text) throws IOException {
    Map<String, String> vars = new HashMap<>(ansibleDefaults());
    vars.put("inventory_hostname", "build-01");
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

  /** The Ansible role's defaults ({@code roles/imageprep/defaults/main.yml}) as strings. */
  public static Map<String, String> ansibleDefaults() throws IOException {
    Path defaults = DIR.resolve("ansible/roles/imageprep/defaults/main.yml");
    Map<String, Object> role = new Yaml().load(Files.readString(defaults, StandardCharsets.UTF_8));
    Map<String, String> vars = new HashMap<>();
    role.forEach((k, v) -> vars.put(k, String.valueOf(v)));
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
}

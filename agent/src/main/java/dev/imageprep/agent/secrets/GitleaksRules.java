package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A gitleaks rule file ({@code --secret-rules FILE}, gitleaks v8 TOML: {@code [[rules]]} with
 * {@code id}, {@code description}, {@code regex}, {@code secretGroup}, {@code entropy}, {@code
 * keywords}, {@code path} and {@code [[rules.allowlists]]}, plus global {@code [[allowlists]]}),
 * turned into pattern detectors that run in the same engine as the built-ins: keyword pass first,
 * the per-file regex budget, placeholder suppression, redacted previews. Go's RE2 syntax is
 * translated where Java differs ({@code (?P<name>}, a literal {@code {}); anything this loader cannot
 * honour is an error at its line, never silently ignored.
 *
 * <p>{@code [extend] useDefault} is accepted: imageprep's built-in detectors always run (gitleaks'
 * default rules are not bundled). Composite rules ({@code [[rules.required]]}) are refused.
 */
public final class GitleaksRules {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");
  private static final Set<String> RULE_KEYS = Set.of("id", "description", "regex", "secretGroup", "entropy",
      "keywords", "path", "tags", "allowlist", "allowlists", "required", "skipReport");
  private static final Set<String> ALLOW_KEYS = Set.of("description", "condition", "regexTarget", "regexes",
      "paths", "stopwords", "commits", "targetRules");

  private final List<Detector> detectors;

  private GitleaksRules(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  List<Detector> detectors() {
    return detectors;
  }

  /** How many rules the file defines. */
  public int size() {
    return detectors.size();
  }

  /**
   * @throws SecretSettingsException naming the file and line of the first problem
   */
  public static GitleaksRules load(Path file) throws SecretSettingsException {
    String name = file.toString();
    TomlParseResult toml;
    try {
      toml = Toml.parse(file);
    } catch (IOException e) {
      throw new SecretSettingsException(name, 0, "cannot read the rule file: " + e.getMessage());
    }
    if (toml.hasErrors()) {
      var e = toml.errors().get(0);
      throw new SecretSettingsException(name, e.position() == null ? 0 : e.position().line(), e.getMessage());
    }
    List<Allowlist> global = new ArrayList<>();
    for (TomlTable a : tables(toml, "allowlists", "allowlist", name)) {
      global.add(Allowlist.of(a, name));
    }
    TomlArray rules = toml.isArray("rules") ? toml.getArray("rules") : null;
    if (rules == null || rules.isEmpty()) {
      throw new SecretSettingsException(name, 1, "no [[rules]] in the file");
    }
    List<Detector> detectors = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      TomlTable rule = rules.getTable(i);
      detectors.add(rule(rule, name, global, ids));
    }
    return new GitleaksRules(detectors);
  }

  private static Detector rule(TomlTable rule, String file, List<Allowlist> global, Set<String> ids)
      throws SecretSettingsException {
    int line = line(rule, null);
    for (String key : rule.keySet()) {
      if (!RULE_KEYS.contains(key)) {
        throw new SecretSettingsException(file, line(rule, key), "unknown rule key '" + key + "'");
      }
    }
    String id = string(rule, "id", file, true);
    if (!ID.matcher(id).matches()) {
      throw new SecretSettingsException(file, line(rule, "id"), "rule id '" + id + "' must be letters, digits,"
          + " '-', '_' or '.'");
    }
    if (!ids.add(id)) {
      throw new SecretSettingsException(file, line(rule, "id"), "rule id '" + id + "' is defined twice");
    }
    if (rule.contains("required")) {
      throw new SecretSettingsException(file, line(rule, "required"), "rule '" + id + "': composite rules"
          + " ([[rules.required]]) are not supported");
    }
    String description = string(rule, "description", file, false);
    DetectorKind kind = new DetectorKind(id, description == null ? id : description, Severity.ERROR,
        "gitleaks rule file " + Path.of(file).getFileName());
    String regex = string(rule, "regex", file, false);
    String path = string(rule, "path", file, false);
    if (regex == null && path == null) {
      throw new SecretSettingsException(file, line, "rule '" + id + "' needs a regex or a path");
    }
    PatternDetector.Builder b = PatternDetector.of(kind, regex == null ? Pattern.compile("(?s)\\A.{0,64}")
        : goRegex(regex, file, line(rule, "regex"), id));
    if (path != null) {
      b.pathRegex(compile(path, file, line(rule, "path"), id));
    }
    List<String> keywords = strings(rule, "keywords", file);
    for (String k : keywords) {
      if (k.isBlank() || !k.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new SecretSettingsException(file, line(rule, "keywords"), "rule '" + id + "': keywords are"
            + " printable ASCII");
      }
    }
    b.keywords(keywords);
    if (keywords.isEmpty()) {
      b.everywhere();
    }
    if (rule.contains("secretGroup")) {
      Long group = rule.isLong("secretGroup") ? rule.getLong("secretGroup") : null;
      if (group == null || group < 0 || group > 99) {
        throw new SecretSettingsException(file, line(rule, "secretGroup"), "rule '" + id + "': secretGroup is a"
            + " group number");
      }
      b.group(group.intValue());
    }
    if (rule.contains("entropy")) {
      Double entropy = rule.isDouble("entropy") ? rule.getDouble("entropy")
          : rule.isLong("entropy") ? Double.valueOf(rule.getLong("entropy")) : null;
      if (entropy == null || entropy < 0 || entropy > 8) {
        throw new SecretSettingsException(file, line(rule, "entropy"), "rule '" + id + "': entropy is a number of"
            + " bits per character between 0 and 8");
      }
      b.minEntropy(entropy);
    }
    if (regex != null && (regex.contains("\\n") || regex.contains("(?s") || regex.contains("[\\s\\S]"))) {
      b.block(8192); // a regex that spans lines gets a block after the keyword, not one line
    }
    List<Allowlist> allow = new ArrayList<>(global);
    for (TomlTable a : tables(rule, "allowlists", "allowlist", file)) {
      allow.add(Allowlist.of(a, file));
    }
    if (!allow.isEmpty()) {
      b.allowIf((p, secret, match, text) -> allow.stream().anyMatch(a -> a.allows(p, secret, match, text)));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new SecretSettingsException(file, line, e.getMessage());
    }
  }

  /** One gitleaks allowlist: OR (default) or AND of its path, regex and stopword conditions. */
  private record Allowlist(boolean and, String target, List<Pattern> regexes, List<Pattern> paths,
      List<String> stopwords) {

    static Allowlist of(TomlTable t, String file) throws SecretSettingsException {
      for (String key : t.keySet()) {
        if (!ALLOW_KEYS.contains(key)) {
          throw new SecretSettingsException(file, line(t, key), "unknown allowlist key '" + key + "'");
        }
      }
      String condition = string(t, "condition", file, false);
      if (condition != null && !condition.equalsIgnoreCase("OR") && !condition.equalsIgnoreCase("AND")) {
        throw new SecretSettingsException(file, line(t, "condition"), "condition is OR or AND");
      }
      String target = string(t, "regexTarget", file, false);
      if (target != null && !Set.of("secret", "match", "line").contains(target)) {
        throw new SecretSettingsException(file, line(t, "regexTarget"), "regexTarget is secret, match or line");
      }
      List<Pattern> regexes = new ArrayList<>();
      for (String r : strings(t, "regexes", file)) {
        regexes.add(goRegex(r, file, line(t, "regexes"), "allowlist"));
      }
      List<Pattern> paths = new ArrayList<>();
      for (String r : strings(t, "paths", file)) {
        paths.add(goRegex(r, file, line(t, "paths"), "allowlist"));
      }
      List<String> stopwords = strings(t, "stopwords", file).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
      return new Allowlist("AND".equalsIgnoreCase(condition), target == null ? "secret" : target, regexes, paths,
          stopwords);
    }

    boolean allows(String path, String secret, String match, String line) {
      String target = switch (this.target) {
        case "match" -> match;
        case "line" -> line;
        default -> secret;
      };
      List<Boolean> results = new ArrayList<>();
      if (!paths.isEmpty()) {
        results.add(paths.stream().anyMatch(p -> p.matcher(path).find()));
      }
      if (!regexes.isEmpty()) {
        results.add(regexes.stream().anyMatch(r -> r.matcher(target).find()));
      }
      if (!stopwords.isEmpty()) {
        String lower = secret.toLowerCase(Locale.ROOT);
        results.add(stopwords.stream().anyMatch(lower::contains));
      }
      if (results.isEmpty()) {
        return false;
      }
      return and ? results.stream().allMatch(r -> r) : results.stream().anyMatch(r -> r);
    }
  }

  /** Go RE2 to Java: {@code (?P<name>} becomes {@code (?<name>}, a brace that starts no repetition is escaped. */
  static Pattern goRegex(String regex, String file, int line, String id) throws SecretSettingsException {
    String java = regex.replace("(?P<", "(?<");
    StringBuilder out = new StringBuilder();
    Matcher rep = Pattern.compile("\\{\\d+(?:,\\d*)?}").matcher(java);
    boolean inClass = false;
    for (int i = 0; i < java.length(); i++) {
      char c = java.charAt(i);
      if (c == '\\' && i + 1 < java.length()) {
        out.append(c).append(java.charAt(++i));
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      }
      if (!inClass && (c == '{' && !rep.region(i, java.length()).lookingAt() || c == '}' && !closesRepetition(out))) {
        out.append('\\');
      }
      out.append(c);
    }
    return compile(out.toString(), file, line, id);
  }

  private static boolean closesRepetition(StringBuilder before) {
    int open = before.lastIndexOf("{");
    return open >= 0 && (open == 0 || before.charAt(open - 1) != '\\')
        && before.substring(open).matches("\\{\\d+(?:,\\d*)?");
  }

  private static Pattern compile(String regex, String file, int line, String id) throws SecretSettingsException {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new SecretSettingsException(file, line, "rule '" + id + "': the regex does not compile: "
          + e.getDescription() + " near index " + e.getIndex());
    }
  }

  private static List<TomlTable> tables(TomlTable t, String many, String one, String file)
      throws SecretSettingsException {
    List<TomlTable> out = new ArrayList<>();
    if (t.isArray(many)) {
      TomlArray a = t.getArray(many);
      for (int i = 0; i < a.size(); i++) {
        if (!(a.get(i) instanceof TomlTable table)) {
          throw new SecretSettingsException(file, line(t, many), many + " must be tables ([[" + many + "]])");
        }
        out.add(table);
      }
    } else if (t.contains(many)) {
      throw new SecretSettingsException(file, line(t, many), many + " must be tables ([[" + many + "]])");
    }
    if (t.isTable(one)) {
      out.add(t.getTable(one));
    } else if (t.contains(one)) {
      throw new SecretSettingsException(file, line(t, one), one + " must be a table ([" + one + "])");
    }
    return out;
  }

  private static String string(TomlTable t, String key, String file, boolean required) throws SecretSettingsException {
    if (!t.contains(key)) {
      if (required) {
        throw new SecretSettingsException(file, line(t, null), "a rule needs '" + key + "'");
      }
      return null;
    }
    if (!t.isString(key)) {
      throw new SecretSettingsException(file, line(t, key), "'" + key + "' must be a string");
    }
    return t.getString(key);
  }

  private static List<String> strings(TomlTable t, String key, String file) throws SecretSettingsException {
    if (!t.contains(key)) {
      return List.of();
    }
    if (!t.isArray(key)) {
      throw new SecretSettingsException(file, line(t, key), "'" + key + "' must be a list of strings");
    }
    TomlArray a = t.getArray(key);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof String s)) {
        throw new SecretSettingsException(file, line(t, key), "'" + key + "' must be a list of strings");
      }
      out.add(s);
    }
    return out;
  }

  /** The line of a key in a table, or of the table's first key. */
  private static int line(TomlTable t, String key) {
    TomlPosition p = null;
    if (key != null && t.contains(key)) {
      p = t.inputPositionOf(key);
    }
    if (p == null) {
      for (String k : t.keySet()) {
        TomlPosition q = t.inputPositionOf(k);
        if (q != null && (p == null || q.line() < p.line())) {
          p = q;
        }
      }
    }
    return p == null ? 0 : p.line();
  }
}

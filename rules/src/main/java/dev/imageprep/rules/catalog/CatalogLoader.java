package dev.imageprep.rules.catalog;

import dev.imageprep.rules.check.CheckType;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.Severity;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one catalog file: YAML into profile metadata, rules and cleanup items, validating every
 * value on the way (sysprep's "bake" rules and more). Errors name file, line and column.
 */
public final class CatalogLoader {

  /** Catalog ids: lower-case words joined by dashes. */
  public static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private static final Set<String> FILE_KEYS = Set.of("profile", "title", "description", "platform", "extends",
      "environment", "user-volumes", "detect", "rules", "cleanup", "remove");
  private static final Set<String> RULE_KEYS = Set.of("id", "title", "severity", "type", "with", "when",
      "description", "remediation", "source");
  private static final Set<String> CLEANUP_KEYS = Set.of("id", "title", "action", "paths", "default", "order",
      "description", "notes", "source", "keep", "anchors");
  private static final Set<String> KEEP_KEYS = Set.of("path", "reason");
  /** {@code tool:operation}, e.g. {@code virt-sysprep:logfiles} or {@code cloud-init-clean:--logs}. */
  static final Pattern ANCHOR = Pattern.compile("[a-z0-9-]+:[a-z0-9_ -]+");
  private static final Set<String> WHEN_KEYS = Set.of("os", "mode", "cleanup");
  private static final Set<String> ENVIRONMENTS = Set.of("generic", "workspaces", "ec2", "opsworks");

  private final CheckTypes types;

  public CatalogLoader(CheckTypes types) {
    this.types = types;
  }

  /**
   * Parses one file.
   *
   * @param name the file as the user named it, used in every error
   * @throws CatalogException for syntax errors and invalid values, with locations
   */
  CatalogFile load(String name, String text) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(20);
      options.setCodePointLimit(CatalogText.MAX_BYTES); // CatalogText has already held the file to this
      List<Node> docs = new ArrayList<>();
      new Yaml(options).composeAll(new StringReader(text)).forEach(docs::add);
      if (docs.size() != 1) {
        throw new CatalogException(new CatalogProblem(name, 0, 0,
            "a catalog file holds exactly one YAML document, found " + docs.size()));
      }
      root = docs.get(0);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new CatalogException(new CatalogProblem(name, m == null ? 0 : m.getLine() + 1,
          m == null ? 0 : m.getColumn() + 1, "YAML syntax: " + what.replace('\n', ' ')));
    } catch (YAMLException e) {
      throw new CatalogException(new CatalogProblem(name, 0, 0, "YAML: " + e.getMessage()));
    }
    YamlNode doc = new YamlNode(name, root);
    Map<String, YamlNode> top = doc.mapping("a catalog file");
    List<CatalogProblem> problems = new ArrayList<>();
    rejectUnknown(doc, top, FILE_KEYS, "catalog file", problems);

    String profileId = optionalString(top, "profile", problems);
    if (profileId != null && !ID.matcher(profileId).matches()) {
      problems.add(top.get("profile").problem("profile id '" + profileId + "' must be lower-case words joined by '-'"));
    }
    Platform platform = null;
    if (top.containsKey("platform")) {
      try {
        platform = Platform.ofKey(top.get("platform").string("platform"));
      } catch (IllegalArgumentException e) {
        problems.add(top.get("platform").problem(e.getMessage()));
      } catch (CatalogException e) {
        problems.addAll(e.problems());
      }
    }
    String environment = optionalString(top, "environment", problems);
    if (environment != null && !ENVIRONMENTS.contains(environment)) {
      problems.add(top.get("environment").problem("unknown environment '" + environment + "' (expected one of "
          + String.join(", ", new java.util.TreeSet<>(ENVIRONMENTS)) + ")"));
    }
    if (profileId == null) {
      for (String key : List.of("title", "platform", "extends", "environment", "user-volumes", "detect", "remove")) {
        if (top.containsKey(key)) {
          problems.add(doc.keyProblem(key, "'" + key + "' belongs to a profile: add 'profile: <id>' or drop it"));
        }
      }
    } else if (!top.containsKey("title")) {
      problems.add(doc.problem("profile '" + profileId + "' needs a title"));
    }
    List<ImagePath> userVolumes = new ArrayList<>();
    if (top.containsKey("user-volumes")) {
      for (YamlNode v : guardList(top.get("user-volumes"), "user-volumes", problems)) {
        try {
          userVolumes.add(imagePath(v, "user-volumes entry"));
        } catch (CatalogException e) {
          problems.addAll(e.problems());
        }
      }
    }
    Signs signs = Signs.NONE;
    if (top.containsKey("detect")) {
      try {
        signs = new RecordBinder("detect").bindRecord(Signs.class, top.get("detect"), top.get("detect"));
      } catch (CatalogException e) {
        problems.addAll(e.problems());
      }
    }
    List<RuleEntry> rules = new ArrayList<>();
    if (top.containsKey("rules") && !top.get("rules").isNull()) {
      for (YamlNode n : guardList(top.get("rules"), "rules", problems)) {
        try {
          rules.add(rule(n));
        } catch (CatalogException e) {
          problems.addAll(e.problems());
        }
      }
    }
    List<CleanupEntry> cleanup = new ArrayList<>();
    if (top.containsKey("cleanup") && !top.get("cleanup").isNull()) {
      for (YamlNode n : guardList(top.get("cleanup"), "cleanup", problems)) {
        try {
          cleanup.add(cleanupEntry(n));
        } catch (CatalogException e) {
          problems.addAll(e.problems());
        }
      }
    }
    List<String> remove = new ArrayList<>();
    if (top.containsKey("remove")) {
      try {
        remove.addAll(top.get("remove").strings("remove"));
      } catch (CatalogException e) {
        problems.addAll(e.problems());
      }
    }
    checkUniqueIds(rules, cleanup, problems);
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    YamlNode ext = top.get("extends");
    return new CatalogFile(name, profileId, stringOr(top, "title"), stringOr(top, "description"), platform,
        ext == null ? null : ext.string("extends"),
        ext == null ? null : name + ":" + ext.line() + ":" + ext.column(), environment, userVolumes, signs, rules, cleanup,
        remove);
  }

  private RuleEntry rule(YamlNode node) {
    Map<String, YamlNode> m = node.mapping("a rule");
    List<CatalogProblem> problems = new ArrayList<>();
    rejectUnknown(node, m, RULE_KEYS, "rule", problems);
    for (String key : List.of("id", "title", "severity", "type", "remediation", "source")) {
      if (!m.containsKey(key)) {
        problems.add(node.problem("rule" + idHint(m) + " is missing '" + key + "'"));
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    String id = id(m.get("id"));
    String title = title(m.get("title"));
    Severity severity;
    try {
      severity = Severity.ofKey(m.get("severity").string("severity"));
    } catch (IllegalArgumentException e) {
      throw m.get("severity").error(e.getMessage());
    }
    String typeKey = m.get("type").string("type");
    CheckType<?> type = types.find(typeKey).orElseThrow(() -> m.get("type").error("unknown check type '" + typeKey
        + "' (known: " + String.join(", ", types.keys()) + ")"));
    BoundCheck<?> check = ParamsBinder.bind(type, m.get("with"), node);
    When when = m.containsKey("when") ? when(m.get("when")) : When.ALWAYS;
    return new RuleEntry(id, title, severity, check, when, text(m, "description"),
        m.get("remediation").string("remediation").strip(), m.get("source").string("source").strip(),
        node.file() + ":" + node.line());
  }

  private CleanupEntry cleanupEntry(YamlNode node) {
    Map<String, YamlNode> m = node.mapping("a cleanup item");
    List<CatalogProblem> problems = new ArrayList<>();
    rejectUnknown(node, m, CLEANUP_KEYS, "cleanup item", problems);
    for (String key : List.of("id", "title", "action", "paths", "default", "source")) {
      if (!m.containsKey(key)) {
        problems.add(node.problem("cleanup item" + idHint(m) + " is missing '" + key + "'"));
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    String id = id(m.get("id"));
    String title = title(m.get("title"));
    ActionKind action;
    try {
      action = ActionKind.ofKey(m.get("action").string("action"));
    } catch (IllegalArgumentException e) {
      throw m.get("action").error(e.getMessage());
    }
    List<Glob> paths = new ArrayList<>();
    YamlNode pathsNode = m.get("paths");
    List<YamlNode> items = pathsNode.list("paths");
    if (items.isEmpty()) {
      throw pathsNode.error("paths must name at least one path");
    }
    for (YamlNode p : items) {
      try {
        paths.add(Glob.parse(p.string("path")));
      } catch (IllegalArgumentException e) {
        problems.add(p.problem("bad path pattern: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    int order = m.containsKey("order") ? m.get("order").integer("order") : 50;
    if (order < 0 || order > 1000) {
      throw m.get("order").error("order must be between 0 and 1000");
    }
    return new CleanupEntry(id, title, action, paths, m.get("default").bool("default"), order,
        text(m, "description"), text(m, "notes"), m.get("source").string("source").strip(),
        node.file() + ":" + node.line(), m.containsKey("keep") ? keeps(m.get("keep")) : List.of(),
        m.containsKey("anchors") ? anchors(m.get("anchors")) : List.of());
  }

  private static List<CleanupEntry.Keep> keeps(YamlNode node) {
    List<CleanupEntry.Keep> out = new ArrayList<>();
    for (YamlNode k : node.list("keep")) {
      Map<String, YamlNode> m = k.mapping("a keep entry");
      List<CatalogProblem> problems = new ArrayList<>();
      rejectUnknown(k, m, KEEP_KEYS, "keep entry", problems);
      for (String key : List.of("path", "reason")) {
        if (!m.containsKey(key)) {
          problems.add(k.problem("keep entry is missing '" + key + "'"));
        }
      }
      if (!problems.isEmpty()) {
        throw new CatalogException(problems);
      }
      out.add(new CleanupEntry.Keep(imagePath(m.get("path"), "keep path"), m.get("reason").string("reason").strip()));
    }
    return out;
  }

  private static List<String> anchors(YamlNode node) {
    List<String> out = new ArrayList<>();
    for (YamlNode a : node.list("anchors")) {
      String anchor = a.string("anchor");
      if (!ANCHOR.matcher(anchor).matches()) {
        throw a.error("anchor '" + anchor + "' must be tool:operation, e.g. virt-sysprep:logfiles");
      }
      out.add(anchor);
    }
    return out;
  }

  private static When when(YamlNode node) {
    Map<String, YamlNode> m = node.mapping("when");
    List<CatalogProblem> problems = new ArrayList<>();
    rejectUnknown(node, m, WHEN_KEYS, "when", problems);
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    List<String> os = m.containsKey("os") ? m.get("os").strings("when.os") : List.of();
    String mode = null;
    if (m.containsKey("mode")) {
      mode = m.get("mode").string("when.mode");
      if (!mode.equals("live") && !mode.equals("offline")) {
        throw m.get("mode").error("when.mode must be live or offline, found '" + mode + "'");
      }
    }
    String cleanup = m.containsKey("cleanup") ? id(m.get("cleanup")) : null;
    return new When(os, mode, cleanup);
  }

  private static String id(YamlNode node) {
    String id = node.string("id");
    if (!ID.matcher(id).matches()) {
      throw node.error("id '" + id + "' must be lower-case letters and digits joined by '-'");
    }
    return id;
  }

  private static String title(YamlNode node) {
    String title = node.string("title").strip();
    if (title.isEmpty()) {
      throw node.error("title must not be empty");
    }
    if (title.endsWith(".") || title.contains("\n")) {
      throw node.error("title is one line without a trailing period");
    }
    return title;
  }

  private static ImagePath imagePath(YamlNode node, String what) {
    String s = node.string(what);
    if (!s.startsWith("/")) {
      throw node.error(what + " must be an absolute path: " + s);
    }
    return ImagePath.of(s);
  }

  private static void rejectUnknown(YamlNode node, Map<String, YamlNode> m, Set<String> allowed, String what,
      List<CatalogProblem> problems) {
    for (String key : m.keySet()) {
      if (!allowed.contains(key)) {
        problems.add(node.keyProblem(key, "unknown key '" + key + "' in " + what + " (expected one of "
            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
      }
    }
  }

  private static List<YamlNode> guardList(YamlNode node, String what, List<CatalogProblem> problems) {
    try {
      return node.list(what);
    } catch (CatalogException e) {
      problems.addAll(e.problems());
      return List.of();
    }
  }

  private static String optionalString(Map<String, YamlNode> m, String key, List<CatalogProblem> problems) {
    if (!m.containsKey(key)) {
      return null;
    }
    try {
      return m.get(key).string(key);
    } catch (CatalogException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static String stringOr(Map<String, YamlNode> m, String key) {
    return m.containsKey(key) && !m.get(key).isNull() ? m.get(key).string(key).strip() : null;
  }

  private static String text(Map<String, YamlNode> m, String key) {
    return m.containsKey(key) && !m.get(key).isNull() ? m.get(key).string(key).strip() : "";
  }

  private static String idHint(Map<String, YamlNode> m) {
    try {
      return m.containsKey("id") ? " '" + m.get("id").string("id") + "'" : "";
    } catch (CatalogException e) {
      return "";
    }
  }

  private static void checkUniqueIds(List<RuleEntry> rules, List<CleanupEntry> cleanup,
      List<CatalogProblem> problems) {
    Map<String, String> seen = new HashMap<>();
    for (RuleEntry r : rules) {
      String before = seen.put(r.id(), r.origin());
      if (before != null) {
        problems.add(problemAt(r.origin(), "duplicate id '" + r.id() + "' (first declared at " + before + ")"));
      }
    }
    for (CleanupEntry c : cleanup) {
      String before = seen.put(c.id(), c.origin());
      if (before != null) {
        problems.add(problemAt(c.origin(), "duplicate id '" + c.id() + "' (first declared at " + before + ")"));
      }
    }
  }

  static CatalogProblem problemAt(String origin, String message) {
    String[] parts = origin.split(":");
    if (parts.length >= 2) {
      try {
        int line = Integer.parseInt(parts[parts.length - 1]);
        String file = origin.substring(0, origin.lastIndexOf(':'));
        return new CatalogProblem(file, line, 1, message);
      } catch (NumberFormatException e) {
        // fall through to an unlocated problem
      }
    }
    return new CatalogProblem(origin, 0, 0, message);
  }
}

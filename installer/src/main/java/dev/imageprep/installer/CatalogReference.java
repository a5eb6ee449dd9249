package dev.imageprep.installer;

import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.catalog.Signs;
import dev.imageprep.rules.check.CheckType;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.cleanup.Glob;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders the bundled catalog as Markdown reference pages: an index of the profiles, check types
 * and cited public documents, and one page per profile with every rule and cleanup item, its parameters, default, paths
 * and source. The pages are committed under {@code docs/reference/}; a test renders them again and
 * fails when the committed ones are stale, so the reference cannot drift from the catalog.
 */
public final class CatalogReference {

  /** A URL in a source, up to the punctuation that separates it from the next citation. */
  private static final Pattern URL = Pattern.compile("https://[^\\s,;)]+");

  private final Catalog catalog;
  private final CheckTypes types;

  public CatalogReference(Catalog catalog, CheckTypes types) {
    this.catalog = catalog;
    this.types = types;
  }

  /** The bundled catalog with every check type the agent registers. */
  public static CatalogReference bundled(CheckTypes types) {
    return new CatalogReference(Catalog.load(types, Catalog.BUNDLED, List.of()).loadAll(), types);
  }

  /** File name (relative to the reference folder) → page text, in a stable order. */
  public Map<String, String> pages() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("README.md", index());
    for (String id : catalog.profileIds()) {
      pages.put(id + ".md", profilePage(catalog.resolve(id)));
    }
    return pages;
  }

  /** What --profile auto looks for to choose this profile, if anything. */
  private static void signs(StringBuilder md, Signs signs) {
    List<String> parts = new ArrayList<>();
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    kinds.put("paths", signs.paths());
    kinds.put("units", signs.units());
    kinds.put("packages", signs.packages());
    kinds.put("os-release IDs", signs.osIds());
    kinds.put("registry keys", signs.registryKeys());
    kinds.forEach((kind, values) -> {
      if (!values.isEmpty()) {
        parts.add(kind + " " + values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
      }
    });
    if (!parts.isEmpty()) {
      md.append("Signs [`--profile auto`](../reports.md#how---profile-auto-chooses) looks for: ")
          .append(String.join("; ", parts)).append(".\n\n");
    }
  }

  private String index() {
    StringBuilder md = new StringBuilder();
    md.append("# Catalog reference\n\n")
        .append(generatedNote())
        .append("## Profiles\n\n| profile | extends | platform | rules | cleanup items (on by default) |\n")
        .append("|---|---|---|---:|---:|\n");
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      long on = p.cleanup().stream().filter(CleanupEntry::enabledByDefault).count();
      md.append("| [`").append(id).append("`](").append(id).append(".md) | ")
          .append(p.parent() == null ? "—" : "`" + p.parent() + "`").append(" | ")
          .append(p.platform().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
          .append(p.rules().size()).append(" | ").append(p.cleanup().size()).append(" (").append(on).append(") |\n");
    }
    md.append("\n## Check types\n\nThe `type:` of a rule; its `with:` block binds the parameters listed on the"
        + " profile pages.\n\n| type | what it checks |\n|---|---|\n");
    for (String key : types.keys()) {
      CheckType<?> t = types.find(key).orElseThrow();
      md.append("| `").append(key).append("` | ").append(cell(t.summary())).append(" |\n");
    }
    sources(md);
    return md.toString();
  }

  /** Every public URL the entries cite, with the ids of the rules and cleanup items that cite it. */
  private void sources(StringBuilder md) {
    Map<String, Set<String>> citing = new TreeMap<>();
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      p.rules().forEach(r -> cite(citing, r.id(), r.source()));
      p.cleanup().forEach(c -> cite(citing, c.id(), c.source()));
    }
    md.append("\n## Sources\n\nThe public documents the rules and cleanup items cite; each entry's `source` on its"
        + " profile page names the section.\n\n| document | cited by |\n|---|---|\n");
    citing.forEach((url, ids) -> md.append("| ").append(url).append(" | ")
        .append(ids.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", "))).append(" |\n"));
  }

  private static void cite(Map<String, Set<String>> citing, String id, String source) {
    Matcher m = URL.matcher(source);
    while (m.find()) {
      citing.computeIfAbsent(m.group(), u -> new TreeSet<>()).add(id);
    }
  }

  private String profilePage(Profile p) {
    StringBuilder md = new StringBuilder();
    md.append("# Profile `").append(p.id()).append("`\n\n").append(generatedNote());
    if (p.title() != null && !p.title().isBlank()) {
      md.append("**").append(p.title().strip()).append("**");
    }
    if (p.parent() != null) {
      md.append(" — extends [`").append(p.parent()).append("`](").append(p.parent()).append(".md)");
    }
    md.append("\n\n");
    if (!p.description().isBlank()) {
      md.append(p.description().strip()).append("\n\n");
    }
    if (!p.userVolumes().isEmpty()) {
      md.append("User volumes, never touched: ")
          .append(p.userVolumes().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
          .append(".\n\n");
    }
    signs(md, p.signs());
    md.append("## Rules\n\n| id | severity | check type | title |\n|---|---|---|---|\n");
    for (RuleEntry r : p.rules()) {
      md.append("| [`").append(r.id()).append("`](#").append(r.id()).append(") | ").append(r.severity().key())
          .append(" | `").append(r.check().type().key()).append("` | ").append(cell(r.title())).append(" |\n");
    }
    md.append("\n## Cleanup items\n\n| id | action | default | order | title |\n|---|---|---|---:|---|\n");
    for (CleanupEntry c : p.cleanup()) {
      md.append("| [`").append(c.id()).append("`](#").append(c.id()).append(") | ").append(c.action().key())
          .append(" | ").append(c.enabledByDefault() ? "on" : "off (`--enable " + c.id() + "`)").append(" | ")
          .append(c.order()).append(" | ").append(cell(c.title())).append(" |\n");
    }
    md.append("\n## Rules in detail\n");
    for (RuleEntry r : p.rules()) {
      md.append("\n### ").append(r.id()).append("\n\n").append(r.title().strip()).append("\n\n");
      field(md, "severity", r.severity().key());
      field(md, "check type", "`" + r.check().type().key() + "` — " + r.check().type().summary());
      String params = parameters(r.check().params());
      if (!params.isEmpty()) {
        field(md, "parameters", params);
      }
      String applies = applies(r);
      if (!applies.isEmpty()) {
        field(md, "applies", applies);
      }
      field(md, "declared in", declaredIn(r.origin()));
      field(md, "source", r.source());
      paragraph(md, r.description());
      if (r.remediation() != null && !r.remediation().isBlank()) {
        md.append("\n**Fix:** ").append(oneLine(r.remediation())).append("\n");
      }
    }
    md.append("\n## Cleanup items in detail\n");
    for (CleanupEntry c : p.cleanup()) {
      md.append("\n### ").append(c.id()).append("\n\n").append(c.title().strip()).append("\n\n");
      field(md, "action", "`" + c.action().key() + "`");
      field(md, "default", c.enabledByDefault() ? "on" : "off — run it with `--enable " + c.id() + "`");
      field(md, "order", Integer.toString(c.order()));
      field(md, "paths", c.paths().stream().map(Glob::toString).map(g -> "`" + g + "`")
          .collect(Collectors.joining(", ")));
      for (CleanupEntry.Keep k : c.keep()) {
        field(md, "keeps", "`" + k.path() + "`: " + oneLine(k.reason()));
      }
      if (!c.anchors().isEmpty()) {
        field(md, "stands for", c.anchors().stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "))
            + " (see [cleanup.md](../cleanup.md#parity-with-virt-sysprep-and-cloud-init-clean))");
      }
      field(md, "declared in", declaredIn(c.origin()));
      field(md, "source", c.source());
      paragraph(md, c.description());
      if (c.notes() != null && !c.notes().isBlank()) {
        md.append("\n**Notes:** ").append(oneLine(c.notes())).append("\n");
      }
    }
    return md.toString();
  }

  private static String generatedNote() {
    return "<!-- Generated from the bundled catalog by CatalogReference; do not edit. -->\n\n";
  }

  private static String applies(RuleEntry r) {
    List<String> parts = new ArrayList<>();
    if (!r.when().osIds().isEmpty()) {
      parts.add("on " + String.join(", ", r.when().osIds()));
    }
    if (r.when().mode() != null) {
      parts.add(r.when().mode().equals("live") ? "on a running system only" : "on a mounted root only");
    }
    if (r.when().cleanup() != null) {
      parts.add("when cleanup item `" + r.when().cleanup() + "` runs");
    }
    return String.join("; ", parts);
  }

  /** {@code bundled:profiles/linux.yaml:13} → {@code linux}: where an inherited entry comes from. */
  private static String declaredIn(String origin) {
    String file = origin.replaceFirst(":\\d+(:\\d+)?$", "");
    String base = file.substring(file.lastIndexOf('/') + 1);
    String stem = base.endsWith(".yaml") ? base.substring(0, base.length() - 5) : base;
    return "[`" + stem + "`](" + stem + ".md)";
  }

  /** A check's parameters as {@code name: value} pairs, read from its parameter record. */
  static String parameters(Object params) {
    if (params == null || !params.getClass().isRecord()) {
      return params == null ? "" : "`" + params + "`";
    }
    List<String> parts = new ArrayList<>();
    for (RecordComponent rc : params.getClass().getRecordComponents()) {
      Object value = component(params, rc);
      if (value == null || (value instanceof Collection<?> c && c.isEmpty())
          || (value instanceof Map<?, ?> m && m.isEmpty())) {
        continue;
      }
      parts.add("`" + rc.getName() + "`: " + value(value));
    }
    return String.join("; ", parts);
  }

  private static Object component(Object record, RecordComponent rc) {
    try {
      return rc.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read parameter " + rc.getName() + " of " + record.getClass(), e);
    }
  }

  private static String value(Object v) {
    if (v instanceof Collection<?> c) {
      return c.stream().map(CatalogReference::value).collect(Collectors.joining(", "));
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream().map(e -> e.getKey() + " = " + value(e.getValue()))
          .collect(Collectors.joining(", "));
    }
    if (v != null && v.getClass().isRecord()) {
      return "{" + parameters(v).replace("`", "") + "}";
    }
    return "`" + String.valueOf(v).replace("`", "'").replace("\n", " ") + "`";
  }

  private static void field(StringBuilder md, String name, String value) {
    md.append("- **").append(name).append(":** ").append(oneLine(value)).append("\n");
  }

  private static void paragraph(StringBuilder md, String text) {
    if (text != null && !text.isBlank()) {
      md.append("\n").append(oneLine(text)).append("\n");
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\n\\s*", " ");
  }

  private static String cell(String s) {
    return oneLine(s).replace("|", "\\|");
  }
}

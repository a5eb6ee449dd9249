package dev.imageprep.agent.stamp;

import dev.imageprep.agent.json.Json;
import dev.imageprep.rules.model.VersionManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How a stamp is printed: for a person, as the manifest itself, or as the tags EC2 takes. */
public final class TagFormats {

  public static final String TEXT = "text";
  public static final String JSON = "json";
  public static final String AWS_TAGS = "aws-tags";

  private TagFormats() {}

  /**
   * The tags as {@code aws ec2 create-tags --resources ami-… --tags file://tags.json} takes them:
   * {@code [{"Key": "Name", "Value": "…"}, …]}, plus {@code imageprep:verdict} and
   * {@code imageprep:profile} so a fleet can find images by their last result.
   */
  public static String awsTags(VersionManifest m) {
    Map<String, String> all = new LinkedHashMap<>(m.tags());
    if (m.result() != null) {
      all.put("imageprep:verdict", m.result().verdict());
      all.put("imageprep:profile", m.result().profile());
    }
    List<Map<String, String>> list = new ArrayList<>();
    all.forEach((k, v) -> {
      Map<String, String> tag = new LinkedHashMap<>();
      tag.put("Key", k);
      tag.put("Value", v);
      list.add(tag);
    });
    return Json.pretty(list) + "\n";
  }

  public static String json(VersionManifest m) {
    return Json.pretty(m) + "\n";
  }

  /** A short summary: where the file went, each tag, the result and the software count. */
  public static String text(VersionManifest m, String where) {
    StringBuilder sb = new StringBuilder(where).append('\n');
    m.tags().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-16s %s%n", k, v)));
    if (m.result() != null) {
      VersionManifest.Result r = m.result();
      sb.append(String.format(Locale.ROOT, "  %-16s %s (%s, profile %s)%s%n", "imageprep", r.verdict(), r.source(),
          r.profile(), r.blocking().isEmpty() ? "" : "; blocked by " + String.join(", ", r.blocking())));
    }
    if (m.software() != null) {
      sb.append(String.format(Locale.ROOT, "  %-16s %d packages (%s)%n", "software", m.software().packages().size(),
          m.software().managers().isEmpty() ? "no package database" : String.join(", ", m.software().managers())));
    }
    if (!m.history().isEmpty()) {
      sb.append(String.format(Locale.ROOT, "  %-16s %d earlier stamp(s), last version %s%n", "history",
          m.history().size(), m.history().get(0).version()));
    }
    return sb.toString();
  }
}

package dev.imageprep.rules.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of established tools that the cleanup catalog is measured against ({@code
 * catalog/anchors.yaml}): virt-sysprep's default operations and {@code cloud-init clean}'s flags,
 * each with what it removes and, where no item of a profile covers it, why not.
 */
public record ParityAnchors(List<Tool> tools) {

  private static final String RESOURCE = "/dev/imageprep/rules/catalog/anchors.yaml";

  /** One tool and the operations it is compared by. */
  public record Tool(String id, String name, String scope, String source, List<Operation> operations) {}

  /**
   * One operation.
   *
   * @param whyNot why no item covers it, keyed by profile id ({@code *} for every profile)
   * @param note what a reader should know about how the covering items differ from it
   */
  public record Operation(String id, String does, Map<String, String> whyNot, String note) {

    /** The reason a profile has no item for it, if the catalog gives one. */
    public Optional<String> whyNot(String profile) {
      return Optional.ofNullable(whyNot.getOrDefault(profile, whyNot.get("*")));
    }
  }

  public ParityAnchors {
    tools = List.copyOf(tools);
  }

  /** The bundled anchors file. */
  public static ParityAnchors bundled() {
    InputStream in = ParityAnchors.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new UncheckedIOException(new IOException("bundled file missing: " + RESOURCE));
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse("bundled:catalog/anchors.yaml", reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParityAnchors parse(String name, Reader reader) {
    YamlNode doc = new YamlNode(name, new Yaml(new LoaderOptions()).compose(reader));
    List<Tool> tools = new ArrayList<>();
    for (YamlNode t : doc.mapping("the anchors file").get("tools").list("tools")) {
      Map<String, YamlNode> tm = t.mapping("a tool");
      List<Operation> ops = new ArrayList<>();
      for (YamlNode o : tm.get("operations").list("operations")) {
        Map<String, YamlNode> om = o.mapping("an operation");
        Map<String, String> whyNot = new LinkedHashMap<>();
        YamlNode w = om.get("why-not");
        if (w != null && w.isMapping()) {
          w.mapping("why-not").forEach((profile, reason) -> whyNot.put(profile, reason.string("why-not").strip()));
        } else if (w != null) {
          whyNot.put("*", w.string("why-not").strip());
        }
        ops.add(new Operation(om.get("id").string("id"), om.get("does").string("does").strip(), whyNot,
            om.containsKey("note") ? om.get("note").string("note").strip() : ""));
      }
      tools.add(new Tool(tm.get("id").string("id"), tm.get("name").string("name"), tm.get("scope").string("scope"),
          tm.get("source").string("source"), ops));
    }
    return new ParityAnchors(tools);
  }

  /** Whether {@code tool:operation} names an operation of this file. */
  public boolean knows(String anchor) {
    int colon = anchor.indexOf(':');
    return colon > 0 && tools.stream().anyMatch(t -> t.id().equals(anchor.substring(0, colon))
        && t.operations().stream().anyMatch(o -> o.id().equals(anchor.substring(colon + 1))));
  }
}

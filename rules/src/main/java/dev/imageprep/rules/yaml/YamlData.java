package dev.imageprep.rules.yaml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * YAML that is data, not a catalog: another program's configuration file (cloud-init's), read into
 * plain maps, lists and scalars.
 */
public final class YamlData {

  private static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

  private YamlData() {}

  /**
   * @return the document's top-level mapping (empty for an empty document), keys as text
   * @throws IllegalArgumentException when the text is not YAML or its top level is not a mapping
   */
  public static Map<String, Object> mapping(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit(MAX_CODE_POINTS);
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("not valid YAML: " + e.getMessage().replace('\n', ' '), e);
    }
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("the top level is not a mapping");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}

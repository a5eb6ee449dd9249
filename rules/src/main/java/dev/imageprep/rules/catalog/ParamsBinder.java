package dev.imageprep.rules.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imageprep.rules.check.CheckType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a rule's {@code with:} block to its check type's parameter record with Jackson, rejecting
 * unknown keys and wrong types, and maps Jackson's errors back to the YAML line and column.
 */
final class ParamsBinder {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ParamsBinder() {}

  /**
   * @param with the {@code with:} node, or null when the entry has none
   * @param entry the rule entry, where errors point when there is no {@code with:}
   */
  static <P> BoundCheck<P> bind(CheckType<P> type, YamlNode with, YamlNode entry) {
    YamlNode where = with == null ? entry : with;
    JsonNode json = with == null || with.isNull() ? JsonNodeFactory.instance.objectNode() : toJson(with.raw());
    if (with != null && !with.isNull() && !with.isMapping()) {
      throw with.error("'with' must be a mapping of parameters for type " + type.key());
    }
    P params;
    try {
      params = MAPPER.treeToValue(json, type.paramsType());
    } catch (UnrecognizedPropertyException e) {
      List<Object> path = pathOf(e);
      YamlNode at = where.at(path.subList(0, Math.max(0, path.size() - 1)));
      throw new CatalogException(at.keyProblem(e.getPropertyName(), "unknown parameter '" + e.getPropertyName()
          + "' for type " + type.key() + " (known: " + String.join(", ", known(e)) + ")"));
    } catch (JsonMappingException e) {
      throw where.at(pathOf(e)).error("bad parameter for type " + type.key() + ": "
          + e.getOriginalMessage().split("\n")[0]);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw where.error("bad parameters for type " + type.key() + ": " + e.getMessage());
    }
    try {
      type.validate(params);
    } catch (IllegalArgumentException e) {
      throw where.error(type.key() + ": " + e.getMessage());
    }
    return new BoundCheck<>(type, params);
  }

  private static List<String> known(UnrecognizedPropertyException e) {
    List<String> out = new ArrayList<>();
    if (e.getKnownPropertyIds() != null) {
      e.getKnownPropertyIds().forEach(k -> out.add(String.valueOf(k)));
    }
    java.util.Collections.sort(out);
    return out;
  }

  private static List<Object> pathOf(JsonMappingException e) {
    List<Object> path = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.add(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.add(r.getIndex());
      }
    }
    return path;
  }

  /** Converts a composed YAML node to a Jackson tree, keeping YAML's resolved scalar types. */
  static JsonNode toJson(Node node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof MappingNode m) {
      ObjectNode obj = f.objectNode();
      for (NodeTuple t : m.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
        obj.set(key, toJson(t.getValueNode()));
      }
      return obj;
    }
    if (node instanceof SequenceNode s) {
      ArrayNode arr = f.arrayNode();
      s.getValue().forEach(n -> arr.add(toJson(n)));
      return arr;
    }
    ScalarNode s = (ScalarNode) node;
    Tag tag = s.getTag();
    String v = s.getValue();
    if (tag.equals(Tag.NULL)) {
      return f.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return f.booleanNode(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
    }
    if (tag.equals(Tag.INT)) {
      try {
        return f.numberNode(new BigInteger(v.replace("_", "")));
      } catch (NumberFormatException e) {
        return f.textNode(v);
      }
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        return f.numberNode(Double.parseDouble(v.replace("_", "")));
      } catch (NumberFormatException e) {
        return f.textNode(v);
      }
    }
    return f.textNode(v);
  }
}

package dev.imageprep.rules.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A composed YAML node that remembers where it came from, with typed accessors whose errors name
 * the file, line and column of the offending value.
 */
final class YamlNode {

  private final String file;
  private final Node node;

  YamlNode(String file, Node node) {
    this.file = file;
    this.node = node;
  }

  Node raw() {
    return node;
  }

  String file() {
    return file;
  }

  int line() {
    return node.getStartMark().getLine() + 1;
  }

  int column() {
    return node.getStartMark().getColumn() + 1;
  }

  CatalogProblem problem(String message) {
    return new CatalogProblem(file, line(), column(), message);
  }

  CatalogException error(String message) {
    return new CatalogException(problem(message));
  }

  boolean isNull() {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  boolean isMapping() {
    return node instanceof MappingNode;
  }

  /** The entries of a mapping, in file order, keyed by their scalar keys. */
  Map<String, YamlNode> mapping(String what) {
    if (!(node instanceof MappingNode m)) {
      throw error(what + " must be a mapping (key: value lines), found " + describe());
    }
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new YamlNode(file, t.getKeyNode()).error("keys must be plain words");
      }
      // the composer keeps duplicate keys (only snakeyaml's constructor rejects them), so check here
      if (out.put(k.getValue(), new YamlNode(file, t.getValueNode())) != null) {
        throw new YamlNode(file, k).error("duplicate key '" + k.getValue() + "'");
      }
    }
    return out;
  }

  /** The position of a mapping key, for "unknown key" errors. */
  CatalogProblem keyProblem(String key, String message) {
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return new YamlNode(file, k).problem(message);
        }
      }
    }
    return problem(message);
  }

  List<YamlNode> list(String what) {
    if (!(node instanceof SequenceNode s)) {
      throw error(what + " must be a list ('- item' lines), found " + describe());
    }
    List<YamlNode> out = new ArrayList<>();
    for (Node n : s.getValue()) {
      out.add(new YamlNode(file, n));
    }
    return out;
  }

  String string(String what) {
    if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
      throw error(what + " must be a text value, found " + describe());
    }
    return s.getValue();
  }

  boolean bool(String what) {
    if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.BOOL)) {
      throw error(what + " must be true or false, found " + describe());
    }
    return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
  }

  int integer(String what) {
    if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
      throw error(what + " must be a whole number, found " + describe());
    }
    try {
      return Integer.parseInt(s.getValue());
    } catch (NumberFormatException e) {
      throw error(what + " is out of range: " + s.getValue());
    }
  }

  /** A list of strings; a single string is accepted as a one-element list. */
  List<String> strings(String what) {
    if (node instanceof ScalarNode && !isNull()) {
      return List.of(string(what));
    }
    List<String> out = new ArrayList<>();
    for (YamlNode n : list(what)) {
      out.add(n.string(what + " entries"));
    }
    return out;
  }

  String describe() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode s = (ScalarNode) node;
    if (s.getTag().equals(Tag.NULL)) {
      return "nothing";
    }
    String v = s.getValue();
    return "'" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'";
  }

  /** Finds the node at a path of keys and indices below this one, or this node if it is not there. */
  YamlNode at(List<Object> path) {
    YamlNode current = this;
    for (Object step : path) {
      Node n = current.node;
      Node next = null;
      if (step instanceof String key && n instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
            next = t.getValueNode();
          }
        }
      } else if (step instanceof Integer i && n instanceof SequenceNode s && i < s.getValue().size()) {
        next = s.getValue().get(i);
      }
      if (next == null) {
        return current;
      }
      current = new YamlNode(file, next);
    }
    return current;
  }
}

package dev.imageprep.rules.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML (or JSON) document composed into nodes that keep where each scalar stands in the text, so a
 * caller can report a line and edit one value in place without reformatting the rest of the file.
 */
public final class YamlTree {

  private YamlTree() {}

  /** A composed node: a mapping, a sequence or a scalar. */
  public sealed interface Node permits Mapping, Sequence, Scalar {}

  /** A mapping's entries in file order (keys may repeat: the composer keeps them). */
  public record Mapping(List<Entry> entries) implements Node {

    /** The value of the first entry whose scalar key equals {@code key}, ignoring case. */
    public Optional<Node> getIgnoringCase(String key) {
      for (Entry e : entries) {
        if (e.key() instanceof Scalar k && k.value().equalsIgnoreCase(key)) {
          return Optional.of(e.value());
        }
      }
      return Optional.empty();
    }
  }

  /** One key and its value. */
  public record Entry(Node key, Node value) {}

  /** A sequence's items in file order. */
  public record Sequence(List<Node> items) implements Node {}

  /**
   * A scalar and its place in the text.
   *
   * @param line 1-based line of its first character
   * @param start code-point offset of its first character (quotes included)
   * @param end code-point offset just past its last character
   */
  public record Scalar(String value, Style style, int line, int start, int end) implements Node {}

  /** How a scalar is written. */
  public enum Style {
    PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED
  }

  /**
   * Composes one document.
   *
   * @param maxAliases the most aliases for collections the text may use (alias bombs stop there)
   * @param maxCodePoints the longest text read
   * @return the document's root, or empty for an empty document
   * @throws IllegalArgumentException when the text is not YAML, with the parser's first message line
   */
  public static Optional<Node> compose(String text, int maxAliases, int maxCodePoints) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(maxAliases);
    options.setCodePointLimit(maxCodePoints);
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root = new org.yaml.snakeyaml.Yaml(options).compose(new StringReader(text));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(String.valueOf(e.getMessage()).split("\n")[0], e);
    }
    return root == null ? Optional.empty() : Optional.of(convert(root, new IdentityHashMap<>()));
  }

  /** Converts a composed node; an aliased node is converted once, a recursive alias is refused. */
  private static Node convert(org.yaml.snakeyaml.nodes.Node node, Map<org.yaml.snakeyaml.nodes.Node, Node> done) {
    if (done.containsKey(node)) {
      Node seen = done.get(node);
      if (seen == null) {
        throw new IllegalArgumentException("a recursive alias at line " + (node.getStartMark().getLine() + 1));
      }
      return seen;
    }
    done.put(node, null); // in progress
    Node out;
    if (node instanceof MappingNode m) {
      List<Entry> entries = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        entries.add(new Entry(convert(t.getKeyNode(), done), convert(t.getValueNode(), done)));
      }
      out = new Mapping(List.copyOf(entries));
    } else if (node instanceof SequenceNode s) {
      List<Node> items = new ArrayList<>();
      for (org.yaml.snakeyaml.nodes.Node n : s.getValue()) {
        items.add(convert(n, done));
      }
      out = new Sequence(List.copyOf(items));
    } else {
      ScalarNode s = (ScalarNode) node;
      out = new Scalar(s.getValue(), style(s), s.getStartMark().getLine() + 1, s.getStartMark().getIndex(),
          s.getEndMark().getIndex());
    }
    done.put(node, out);
    return out;
  }

  private static Style style(ScalarNode s) {
    return switch (s.getScalarStyle()) {
      case SINGLE_QUOTED -> Style.SINGLE_QUOTED;
      case DOUBLE_QUOTED -> Style.DOUBLE_QUOTED;
      case LITERAL -> Style.LITERAL;
      case FOLDED -> Style.FOLDED;
      default -> Style.PLAIN;
    };
  }
}

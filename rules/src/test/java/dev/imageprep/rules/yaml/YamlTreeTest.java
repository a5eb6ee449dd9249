package dev.imageprep.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.rules.yaml.YamlTree.Mapping;
import dev.imageprep.rules.yaml.YamlTree.Scalar;
import dev.imageprep.rules.yaml.YamlTree.Sequence;
import dev.imageprep.rules.yaml.YamlTree.Style;
import org.junit.jupiter.api.Test;

class YamlTreeTest {

  @Test
  void scalarsKeepTheirLineSpanAndStyle() {
    String text = "a: plain\nb: 'single'\nc: \"dé\"\n";
    Mapping m = (Mapping) YamlTree.compose(text, 10, 1 << 20).orElseThrow();

    Scalar c = (Scalar) m.getIgnoringCase("C").orElseThrow();
    assertThat(c.value()).isEqualTo("dé");
    assertThat(c.style()).isEqualTo(Style.DOUBLE_QUOTED);
    assertThat(c.line()).isEqualTo(3);
    assertThat(text.substring(text.offsetByCodePoints(0, c.start()), text.offsetByCodePoints(0, c.end())))
        .isEqualTo("\"dé\"");
    assertThat(((Scalar) m.getIgnoringCase("b").orElseThrow()).style()).isEqualTo(Style.SINGLE_QUOTED);
    assertThat(m.getIgnoringCase("missing")).isEmpty();
  }

  @Test
  void anAliasedNodeIsSharedAndARecursiveOneIsRefused() {
    Mapping m = (Mapping) YamlTree.compose("x: &n [1, 2]\ny: *n\n", 10, 1 << 20).orElseThrow();
    assertThat(m.getIgnoringCase("y").orElseThrow()).isSameAs(m.getIgnoringCase("x").orElseThrow())
        .isInstanceOf(Sequence.class);

    assertThatThrownBy(() -> YamlTree.compose("&a [ *a ]", 10, 1 << 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recursive alias");
  }

  @Test
  void anEmptyDocumentIsEmptyAndBrokenTextSaysWhy() {
    assertThat(YamlTree.compose("", 10, 1 << 20)).isEmpty();
    assertThatThrownBy(() -> YamlTree.compose("a: [1, 2", 10, 1 << 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("\n");
  }
}

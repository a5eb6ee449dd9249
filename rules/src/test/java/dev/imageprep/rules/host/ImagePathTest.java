package dev.imageprep.rules.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImagePathTest {

  @Test
  void normalisesAndNeverClimbsAboveTheRoot() {
    assertThat(ImagePath.of("/etc//ssh/./sshd_config")).hasToString("/etc/ssh/sshd_config");
    assertThat(ImagePath.of("/../../etc/passwd")).hasToString("/etc/passwd");
    assertThat(ImagePath.of("/var/lib/../../..")).isEqualTo(ImagePath.ROOT);
    assertThat(ImagePath.ROOT).hasToString("/");
  }

  @Test
  void rejectsRelativePaths() {
    assertThatThrownBy(() -> ImagePath.of("etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImagePath.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resolvesLinkTargetsAgainstTheParentLexically() {
    ImagePath mail = ImagePath.of("/var/spool/mail");
    assertThat(mail.resolveSibling("../mail")).hasToString("/var/mail");
    assertThat(mail.resolveSibling("/run/lock")).hasToString("/run/lock");
    assertThat(ImagePath.of("/a").resolveSibling("../../../../etc")).hasToString("/etc");
  }

  @Test
  void containmentIsByComponentNotByPrefixText() {
    assertThat(ImagePath.of("/home").contains(ImagePath.of("/home/alice/.bash_history"))).isTrue();
    assertThat(ImagePath.of("/home").contains(ImagePath.of("/home"))).isTrue();
    assertThat(ImagePath.of("/home").contains(ImagePath.of("/homework"))).isFalse();
    assertThat(ImagePath.ROOT.contains(ImagePath.of("/x"))).isTrue();
  }

  @Test
  void childRejectsSeparatorsAndDots() {
    assertThatThrownBy(() -> ImagePath.ROOT.child("a/b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImagePath.ROOT.child("..")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ImagePath.of("/etc").child("hosts")).hasToString("/etc/hosts");
  }
}

package dev.imageprep.rules.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobTest {

  private static boolean last(String glob, String name) {
    Glob g = Glob.parse(glob);
    return g.components().get(g.components().size() - 1).matches(name);
  }

  @Test
  void wildcardsStayWithinOneComponentAndSkipDotfiles() {
    assertThat(last("/etc/ssh/ssh_host_*_key", "ssh_host_rsa_key")).isTrue();
    assertThat(last("/etc/ssh/ssh_host_*_key", "ssh_host_rsa_key.pub")).isFalse();
    assertThat(last("/tmp/*", ".X11-unix")).isFalse();
    assertThat(last("/root/.*_history", ".bash_history")).isTrue();
    assertThat(last("/root/.*_history", "bash_history")).isFalse();
    assertThat(last("/var/lib/skylight/tls.*", "tls.key")).isTrue();
    assertThat(last("/var/log/audit/audit.log.?", "audit.log.1")).isTrue();
  }

  @Test
  void bracesAndClasses() {
    assertThat(last("/var/log/{wtmp,btmp}", "btmp")).isTrue();
    assertThat(last("/var/log/{wtmp,btmp}", "lastlog")).isFalse();
    assertThat(last("/x/file[0-9]", "file7")).isTrue();
    assertThat(last("/x/file[!0-9]", "file7")).isFalse();
    assertThat(last("/x/a.b", "aXb")).as("a dot is literal").isFalse();
  }

  @Test
  void literalPatternsAreRecognised() {
    assertThat(Glob.parse("/etc/machine-id").isLiteral()).isTrue();
    assertThat(Glob.parse("/home/*/.ssh/authorized_keys").isLiteral()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"etc/passwd", "/etc/../passwd", "/etc/./x", "/var/**/x", "/x/[abc", "/x/{a,b",
      "/x//y", "/x/[]"})
  void rejectsPatternsThatCouldEscapeOrAreMalformed(String bad) {
    assertThatThrownBy(() -> Glob.parse(bad)).isInstanceOf(IllegalArgumentException.class);
  }
}

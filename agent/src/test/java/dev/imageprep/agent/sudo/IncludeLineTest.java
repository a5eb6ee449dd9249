package dev.imageprep.agent.sudo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The include directives sudo's lexer follows, and the lines it does not. */
class IncludeLineTest {

  @Test
  void recognisesTheFourDirectivesAndTheirPaths() {
    assertThat(IncludeLine.parse("@includedir /etc/sudoers.d")).hasValueSatisfying(i -> {
      assertThat(i.directory()).isTrue();
      assertThat(i.path()).isEqualTo("/etc/sudoers.d");
    });
    assertThat(IncludeLine.parse("  @include\tsudoers.local # site")).hasValueSatisfying(i -> {
      assertThat(i.directory()).isFalse();
      assertThat(i.path()).isEqualTo("sudoers.local");
      assertThat(i.tail()).isEqualTo(" # site");
    });
    assertThat(IncludeLine.parse("#includedir /etc/sudoers.d")).hasValueSatisfying(i -> assertThat(i.directory()).isTrue());
    assertThat(IncludeLine.parse("#include \"/etc/my sudoers\"")).hasValueSatisfying(i ->
        assertThat(i.path()).isEqualTo("/etc/my sudoers"));
    assertThat(IncludeLine.parse("@include /etc/with\\ blank")).hasValueSatisfying(i ->
        assertThat(i.path()).isEqualTo("/etc/with blank"));
  }

  @Test
  void commentsUidsAndIndentedHashIncludesAreNoDirectives() {
    assertThat(IncludeLine.parse("# See sudoers(5) for more information on \"@include\" directives:")).isEmpty();
    assertThat(IncludeLine.parse(" #include /etc/x")).as("#include only counts in the first column").isEmpty();
    assertThat(IncludeLine.parse("#includes are read in order")).isEmpty();
    assertThat(IncludeLine.mentionsInclude("# See sudoers(5) for more information on \"@include\" directives:"))
        .isFalse();
    assertThat(IncludeLine.mentionsInclude("#includes are read in order")).isFalse();
    assertThat(IncludeLine.mentionsInclude("Defaults lecture_file=\"@include\"")).as("not a comment").isTrue();
    assertThat(IncludeLine.mentionsInclude("@include \"/etc/unterminated")).isTrue();
  }

  @Test
  void pointsTheSameDirectiveElsewhereKeepingTheRestOfTheLine() {
    IncludeLine i = IncludeLine.parse("@includedir /etc/sudoers.d # drop-ins").orElseThrow();
    assertThat(i.pointingTo("/tmp/copy/d2")).isEqualTo("@includedir /tmp/copy/d2 # drop-ins");
    assertThat(i.pointingTo("/tmp/a b/d2")).isEqualTo("@includedir \"/tmp/a b/d2\" # drop-ins");
    assertThat(IncludeLine.parse("@include /etc/%h.conf").orElseThrow().namesTheHost()).isTrue();
  }
}

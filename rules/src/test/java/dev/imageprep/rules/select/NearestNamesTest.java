package dev.imageprep.rules.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNamesTest {

  private static final List<String> PROFILES = List.of("ec2-linux", "ec2-windows", "linux", "opsworks-linux",
      "windows", "workspaces-linux", "workspaces-windows");

  @Test
  void typosFindTheirName() {
    assertThat(NearestNames.near("ec2-linx", PROFILES)).containsExactly("ec2-linux");
    assertThat(NearestNames.near("worksapces-linux", PROFILES)).as("two letters swapped").containsExactly(
        "workspaces-linux");
    assertThat(NearestNames.near("ssh-hostkeys", List.of("ssh-host-keys", "skylight-keys")))
        .containsExactly("ssh-host-keys");
  }

  @Test
  void somethingElseEntirelyGetsNoSuggestion() {
    assertThat(NearestNames.near("windows-desktop", PROFILES)).isEmpty();
    assertThat(NearestNames.suggestion("xyz", PROFILES)).isEmpty();
    assertThat(NearestNames.suggestion("linus", PROFILES)).isEqualTo("; did you mean linux?");
  }

  @Test
  void distanceCountsSwapsAsOneEdit() {
    assertThat(NearestNames.distance("abcd", "abdc")).isEqualTo(1);
    assertThat(NearestNames.distance("", "abc")).isEqualTo(3);
    assertThat(NearestNames.distance("kitten", "sitting")).isEqualTo(3);
  }
}

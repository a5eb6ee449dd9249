package dev.imageprep.agent.sudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SudoersDropInTest {

  private static final Map<String, Integer> UIDS = Map.of("alice", 1001, "bob", 1002);

  private static SudoersDropIn.Rewrite rewrite(String text, String... users) {
    return SudoersDropIn.rewrite("/etc/sudoers.d/x", text, Set.of(users), UIDS);
  }

  @Test
  void aWorkSpacesStyleDropInIsRemovedWhole() {
    SudoersDropIn.Rewrite r = rewrite("# Created by WorkSpaces\nalice ALL=(ALL:ALL) NOPASSWD: ALL\n", "alice");

    assertThat(r.changed()).isTrue();
    assertThat(r.text()).isEmpty();
    assertThat(r.changes()).contains("removed the rule alice ALL=(ALL:ALL) NOPASSWD: ALL (/etc/sudoers.d/x:2)");
  }

  @Test
  void otherPrincipalsOfARuleStay() {
    SudoersDropIn.Rewrite r = rewrite("alice, %ops,bob ALL=(ALL) ALL\n", "alice");

    assertThat(r.text()).contains("%ops, bob ALL=(ALL) ALL\n");
  }

  @Test
  void uidPrincipalsAreUsersNotComments() {
    SudoersDropIn.Rewrite r = rewrite("#1001 ALL=(ALL) ALL\n# 1001 is alice\nDefaults env_reset\n", "alice");

    assertThat(r.text()).contains("# 1001 is alice\nDefaults env_reset\n");
  }

  @Test
  void continuedLinesAreFoldedAndRewritten() {
    SudoersDropIn.Rewrite r = rewrite("Defaults env_reset\nalice, \\\n  bob ALL=(ALL) \\\n  ALL\n", "alice");

    assertThat(r.text()).contains("Defaults env_reset\nbob ALL=(ALL) ALL\n");
  }

  @Test
  void anEmptiedAliasGoesWithTheRulesAndDefaultsThatNameOnlyIt() {
    String text = "User_Alias OPS = alice, bob\nOPS ALL=(ALL) /usr/bin/systemctl\nDefaults:OPS !lecture\n"
        + "OPS, carol ALL=(ALL) ALL\n";

    SudoersDropIn.Rewrite r = rewrite(text, "alice", "bob");

    assertThat(r.text()).contains("carol ALL=(ALL) ALL\n");
    assertThat(r.text().get()).doesNotContain("OPS");
  }

  @Test
  void anAliasWithOtherMembersOnlyLosesTheUser() {
    SudoersDropIn.Rewrite r = rewrite("User_Alias OPS = alice, carol\nOPS ALL=(ALL) ALL\n", "alice");

    assertThat(r.text()).contains("User_Alias OPS = carol\nOPS ALL=(ALL) ALL\n");
  }

  @Test
  void aRuleForAllUsersIsReportedNotRewritten() {
    SudoersDropIn.Rewrite r = rewrite("ALL ALL=(ALL) NOPASSWD: /usr/bin/true\n", "alice");

    assertThat(r.changed()).isFalse();
    assertThat(r.unresolved()).singleElement().asString().contains("grants every user");
  }

  @Test
  void rootAndGroupsAndOtherUsersAreNeverTouched() {
    String text = "root ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL:ALL) ALL\ncarol ALL=(ALL) ALL\n";

    SudoersDropIn.Rewrite r = rewrite(text, "alice");

    assertThat(r.changed()).isFalse();
    assertThat(r.text()).isEqualTo(Optional.of(text));
  }
}

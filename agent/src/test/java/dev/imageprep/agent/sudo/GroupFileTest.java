package dev.imageprep.agent.sudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupFileTest {

  private static final Set<String> ADMIN = SudoRevoker.ADMIN_GROUPS;

  @Test
  void removesTheUserFromAdminGroupsOnlyAndKeepsEveryOtherByte() {
    String group = "root:x:0:\nsudo:x:27:admin,alice,bob\nwheel:x:10:alice\nusers:x:100:alice\n#comment:alice\n";
    List<String> changes = new ArrayList<>();

    String out = GroupFile.withoutMembers(group, false, ADMIN, Set.of("alice"), "/etc/group", changes);

    assertThat(out).isEqualTo("root:x:0:\nsudo:x:27:admin,bob\nwheel:x:10:\nusers:x:100:alice\n#comment:alice\n");
    assertThat(changes).containsExactly("removed alice from group sudo (/etc/group)",
        "removed alice from group wheel (/etc/group)");
  }

  @Test
  void cleansGshadowAdministratorsAndMembers() {
    List<String> changes = new ArrayList<>();

    String out = GroupFile.withoutMembers("sudo:*:alice:alice,bob\n", true, ADMIN, Set.of("alice"), "/etc/gshadow",
        changes);

    assertThat(out).isEqualTo("sudo:*::bob\n");
    assertThat(changes).hasSize(2);
  }

  @Test
  void returnsTheSameTextWhenNothingChanges() {
    String group = "sudo:x:27:bob\n";
    List<String> changes = new ArrayList<>();

    assertThat(GroupFile.withoutMembers(group, false, ADMIN, Set.of("alice"), "/etc/group", changes)).isSameAs(group);
    assertThat(changes).isEmpty();
  }
}

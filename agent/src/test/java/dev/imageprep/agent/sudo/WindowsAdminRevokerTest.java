package dev.imageprep.agent.sudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.agent.probe.windows.AdministratorsGroup;
import dev.imageprep.agent.probe.windows.AdministratorsGroup.Kind;
import dev.imageprep.agent.probe.windows.AdministratorsGroup.Member;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Taking users out of the local Administrators group. The members are what NetLocalGroupGetMembers
 * level 2 lists on a domain-joined WorkSpace: SIDs, SID_NAME_USE kinds and DOMAIN\name.
 */
class WindowsAdminRevokerTest {

  static final Member ADMINISTRATOR = new Member("S-1-5-21-1004336348-1177238915-682003330-500", Kind.USER,
      "EC2AMAZ-K1\\Administrator");
  static final Member DOMAIN_ADMINS = new Member("S-1-5-21-3623811015-3361044348-30300820-512", Kind.GROUP,
      "CORP\\Domain Admins");
  static final Member ALICE = new Member("S-1-5-21-3623811015-3361044348-30300820-1105", Kind.USER, "CORP\\alice");
  static final Member OPS = new Member("S-1-5-21-1004336348-1177238915-682003330-1001", Kind.USER, "EC2AMAZ-K1\\ops");
  static final Member GONE = new Member("S-1-5-21-3623811015-3361044348-30300820-1200", Kind.DELETED_ACCOUNT,
      "S-1-5-21-3623811015-3361044348-30300820-1200");

  /** A group that removes as NetLocalGroupDelMembers does: ERROR_MEMBER_NOT_IN_ALIAS when already gone. */
  static class Group implements AdministratorsGroup {
    final List<Member> members;
    final List<String> removed = new ArrayList<>();
    Member failing;

    Group(Member... members) {
      this.members = new ArrayList<>(List.of(members));
    }

    @Override
    public List<Member> members() {
      return List.copyOf(members);
    }

    @Override
    public boolean remove(Member m) throws IOException {
      if (m.equals(failing)) {
        throw new IOException("NetLocalGroupDelMembers failed for " + m.name() + " (error 5)");
      }
      removed.add(m.name());
      return members.remove(m);
    }
  }

  final List<String> log = new ArrayList<>();

  RevokeOutcome revoke(Group group, List<String> users, boolean dryRun) throws IOException {
    return new WindowsAdminRevoker(group, new RevokeConfig(Set.of("ops")), log::add)
        .run(new RevokeRequest(users, dryRun));
  }

  @Test
  void usersGoTheBuiltInAdministratorGroupsAndTheAllowListStay() throws IOException {
    Group group = new Group(ADMINISTRATOR, DOMAIN_ADMINS, ALICE, OPS, GONE);

    RevokeOutcome dry = revoke(group, List.of(), true);
    assertThat(dry.changes()).containsExactly("removed CORP\\alice (" + ALICE.sid()
        + ") from the local Administrators group");
    assertThat(group.removed).isEmpty();

    RevokeOutcome done = revoke(group, List.of(), false);
    assertThat(done.complete()).isTrue();
    assertThat(group.removed).containsExactly("CORP\\alice");
    assertThat(group.members).containsExactly(ADMINISTRATOR, DOMAIN_ADMINS, OPS, GONE);
    assertThat(log).contains("kept EC2AMAZ-K1\\ops: on the allow-list (sudo-revoke.keep)");

    assertThat(revoke(group, List.of(), false).changes()).as("a second run changes nothing").isEmpty();
  }

  @Test
  void aMemberRemovedMeanwhileIsNoChangeAndAFailureIsReported() throws IOException {
    Group raced = new Group(ALICE) {
      @Override
      public boolean remove(Member m) {
        return false; // ERROR_MEMBER_NOT_IN_ALIAS: someone else was faster
      }
    };
    assertThat(revoke(raced, List.of(), false).changes()).isEmpty();
    assertThat(log).contains("CORP\\alice was no longer in the Administrators group");

    Group denied = new Group(ALICE);
    denied.failing = ALICE;
    RevokeOutcome outcome = revoke(denied, List.of(), false);
    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.failures()).singleElement().asString().contains("error 5");
  }

  @Test
  void explicitUsersAreObeyedButNeverTheBuiltInAdministrator() throws IOException {
    Group group = new Group(ADMINISTRATOR, ALICE, OPS);
    assertThat(revoke(group, List.of("ec2amaz-k1\\OPS"), false).users()).containsExactly("EC2AMAZ-K1\\ops");
    assertThat(group.removed).containsExactly("EC2AMAZ-K1\\ops");
    assertThatThrownBy(() -> revoke(group, List.of("Administrator"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in Administrator");
    assertThat(revoke(group, List.of("nobody"), false).changes()).isEmpty();
  }

  @Test
  void aGroupHoldingEveryUserIsAGrantThatRemains() throws IOException {
    Group group = new Group(ADMINISTRATOR, new Member("S-1-5-4", Kind.WELL_KNOWN_GROUP, "NT AUTHORITY\\INTERACTIVE"),
        new Member("S-1-5-21-3623811015-3361044348-30300820-513", Kind.GROUP, "CORP\\Domain Users"));
    RevokeOutcome outcome = revoke(group, List.of(), false);
    assertThat(outcome.complete()).isFalse();
    assertThat(outcome.remaining()).hasSize(2).allSatisfy(r -> assertThat(r).contains("every user is in it"));
  }
}

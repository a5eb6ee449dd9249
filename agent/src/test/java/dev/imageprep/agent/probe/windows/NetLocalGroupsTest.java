package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The netapi32 structures mapped by hand, and a level-2 buffer read as NetLocalGroupGetMembers fills
 * it: an array of LOCALGROUP_MEMBERS_INFO_2 ({@code PSID lgrmi2_sid; SID_NAME_USE lgrmi2_sidusage;
 * LPWSTR lgrmi2_domainandname;}, lmaccess.h) pointing into the same allocation. SIDs as [MS-DTYP]
 * 2.4.2 lays them out.
 */
class NetLocalGroupsTest {

  @Test
  void localGroupMembersInfo2IsAPointerAnEnumAndAPointerIn24Bytes() {
    NetLocalGroups.LocalGroupMembersInfo2 s = new NetLocalGroups.LocalGroupMembersInfo2();
    s.lgrmi2_sidusage = 5;
    s.write();
    assertThat(s.size()).isEqualTo(24);
    assertThat(s.getPointer().getInt(8)).isEqualTo(5); // after the 8-byte PSID
    assertThat(s.getPointer().getLong(16)).isZero(); // the name pointer, aligned to 8
  }

  @Test
  void securityAttributesIsADwordAPointerAndABoolIn24Bytes() {
    JnaSecurityApi.SecurityAttributes sa = new JnaSecurityApi.SecurityAttributes();
    sa.nLength = 24;
    sa.bInheritHandle = 1;
    sa.write();
    assertThat(sa.size()).isEqualTo(24);
    assertThat(sa.getPointer().getInt(0)).isEqualTo(24);
    assertThat(sa.getPointer().getInt(16)).isEqualTo(1);
  }

  @Test
  void sidsReadAndWriteAsMsDtypLaysThemOut() {
    byte[] admins = {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0}; // S-1-5-32-544
    assertThat(Sids.toText(admins)).isEqualTo("S-1-5-32-544");
    assertThat(Sids.toBytes("S-1-5-32-544")).isEqualTo(admins);
    String user = "S-1-5-21-3623811015-3361044348-30300820-1105";
    assertThat(Sids.toText(Sids.toBytes(user))).isEqualTo(user);
    assertThat(Sids.length((byte) 5)).isEqualTo(28);
  }

  @Test
  void aLevel2BufferDecodesIntoMembers() {
    String[][] rows = {{"S-1-5-21-1004336348-1177238915-682003330-500", "1", "EC2AMAZ-K1\\Administrator"},
        {"S-1-5-21-3623811015-3361044348-30300820-1105", "1", "CORP\\alice"},
        {"S-1-5-4", "5", "NT AUTHORITY\\INTERACTIVE"}};
    int entry = 24;
    Memory buffer = new Memory(4096);
    long heap = entry * rows.length;
    for (int i = 0; i < rows.length; i++) {
      byte[] sid = Sids.toBytes(rows[i][0]);
      buffer.write(heap, sid, 0, sid.length);
      buffer.setPointer((long) i * entry, buffer.share(heap));
      heap += sid.length;
      buffer.setInt((long) i * entry + 8, Integer.parseInt(rows[i][1]));
      byte[] name = (rows[i][2] + "\0").getBytes(StandardCharsets.UTF_16LE);
      buffer.write(heap, name, 0, name.length);
      buffer.setPointer((long) i * entry + 16, buffer.share(heap));
      heap += name.length;
    }
    assertThat(Native.POINTER_SIZE).isEqualTo(8);
    List<AdministratorsGroup.Member> members = NetLocalGroups.decode(buffer, rows.length);
    assertThat(members).extracting(AdministratorsGroup.Member::name).containsExactly("EC2AMAZ-K1\\Administrator",
        "CORP\\alice", "NT AUTHORITY\\INTERACTIVE");
    assertThat(members.get(0).isBuiltInAdministrator()).isTrue();
    assertThat(members.get(1).kind()).isEqualTo(AdministratorsGroup.Kind.USER);
    assertThat(members.get(2).kind()).isEqualTo(AdministratorsGroup.Kind.WELL_KNOWN_GROUP);
    assertThat(members.get(1).isNamed("alice")).isTrue();
    assertThat(members.get(1).isNamed("OTHER\\alice")).isFalse();
  }
}

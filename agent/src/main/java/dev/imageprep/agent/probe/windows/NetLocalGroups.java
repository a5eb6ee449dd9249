package dev.imageprep.agent.probe.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.BaseTSD;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AdministratorsGroup} through netapi32: {@code NetLocalGroupGetMembers} at level 2 and
 * {@code NetLocalGroupDelMembers} at level 0 (by SID), which jna-platform does not map; the group's
 * localized name comes from {@code LookupAccountSid}.
 */
final class NetLocalGroups implements AdministratorsGroup {

  static final int NERR_SUCCESS = 0;
  static final int ERROR_MORE_DATA = 234;
  static final int ERROR_MEMBER_NOT_IN_ALIAS = 1377;
  private static final int MAX_PREFERRED_LENGTH = -1;

  interface Netapi32Groups extends StdCallLibrary {
    Netapi32Groups INSTANCE = Native.load("netapi32", Netapi32Groups.class);

    int NetLocalGroupGetMembers(WString server, WString group, int level, PointerByReference buffer, int maxLength,
        IntByReference read, IntByReference total, BaseTSD.ULONG_PTRByReference resume);

    int NetLocalGroupDelMembers(WString server, WString group, int level, Pointer buffer, int count);

    int NetApiBufferFree(Pointer buffer);
  }

  /** {@code LOCALGROUP_MEMBERS_INFO_2} (lmaccess.h): PSID, SID_NAME_USE, LPWSTR — 24 bytes on x64. */
  @FieldOrder({"lgrmi2_sid", "lgrmi2_sidusage", "lgrmi2_domainandname"})
  public static final class LocalGroupMembersInfo2 extends Structure {
    public Pointer lgrmi2_sid;
    public int lgrmi2_sidusage;
    public Pointer lgrmi2_domainandname;

    public LocalGroupMembersInfo2() {}

    LocalGroupMembersInfo2(Pointer p) {
      super(p);
      read();
    }

    Member toMember() {
      String sid = Sids.toText(lgrmi2_sid.getByteArray(0, Sids.length(lgrmi2_sid.getByte(1))));
      return new Member(sid, Kind.of(lgrmi2_sidusage),
          lgrmi2_domainandname == null ? sid : Utf16.read(lgrmi2_domainandname));
    }
  }

  private String groupName() {
    return Advapi32Util.getAccountBySid(SID).name;
  }

  @Override
  public List<Member> members() throws IOException {
    try {
      String group = groupName();
      List<Member> out = new ArrayList<>();
      BaseTSD.ULONG_PTRByReference resume = new BaseTSD.ULONG_PTRByReference();
      int rc;
      do {
        PointerByReference buffer = new PointerByReference();
        IntByReference read = new IntByReference();
        rc = Netapi32Groups.INSTANCE.NetLocalGroupGetMembers(null, new WString(group), 2, buffer,
            MAX_PREFERRED_LENGTH, read, new IntByReference(), resume);
        if (rc != NERR_SUCCESS && rc != ERROR_MORE_DATA) {
          throw new IOException("NetLocalGroupGetMembers failed (error " + rc + ")");
        }
        try {
          out.addAll(decode(buffer.getValue(), read.getValue()));
        } finally {
          if (buffer.getValue() != null) {
            Netapi32Groups.INSTANCE.NetApiBufferFree(buffer.getValue());
          }
        }
      } while (rc == ERROR_MORE_DATA);
      return out;
    } catch (RuntimeException | LinkageError e) {
      throw new IOException("cannot list the local Administrators group: " + e.getMessage(), e);
    }
  }

  /** The entries of a level-2 buffer: an array of {@link LocalGroupMembersInfo2}. */
  static List<Member> decode(Pointer buffer, int count) {
    List<Member> out = new ArrayList<>();
    int size = new LocalGroupMembersInfo2().size();
    for (int i = 0; i < count; i++) {
      out.add(new LocalGroupMembersInfo2(buffer.share((long) i * size)).toMember());
    }
    return out;
  }

  @Override
  public boolean remove(Member member) throws IOException {
    try {
      byte[] bytes = Sids.toBytes(member.sid());
      Memory sid = new Memory(bytes.length);
      sid.write(0, bytes, 0, bytes.length);
      Memory entry = new Memory(Native.POINTER_SIZE); // LOCALGROUP_MEMBERS_INFO_0: one PSID
      entry.setPointer(0, sid);
      int rc = Netapi32Groups.INSTANCE.NetLocalGroupDelMembers(null, new WString(groupName()), 0, entry, 1);
      if (rc == ERROR_MEMBER_NOT_IN_ALIAS) {
        return false;
      }
      if (rc != NERR_SUCCESS) {
        throw new IOException("NetLocalGroupDelMembers failed for " + member.name() + " (error " + rc + ")");
      }
      return true;
    } catch (RuntimeException | LinkageError e) {
      throw new IOException("cannot change the local Administrators group: " + e.getMessage(), e);
    }
  }
}

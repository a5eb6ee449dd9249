package dev.imageprep.agent.probe.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;

/** {@link SecurityApi} through JNA: SDDL conversion and object security from advapi32, CreateDirectoryW. */
final class JnaSecurityApi implements SecurityApi {

  private static final int SDDL_REVISION_1 = 1;
  private static final int OWNER_SECURITY_INFORMATION = 0x1;
  private static final int DACL_SECURITY_INFORMATION = 0x4;

  interface Advapi32Security extends StdCallLibrary {
    Advapi32Security INSTANCE = Native.load("advapi32", Advapi32Security.class);

    boolean ConvertStringSecurityDescriptorToSecurityDescriptorW(WString sddl, int revision, PointerByReference sd,
        IntByReference size);

    boolean ConvertSecurityDescriptorToStringSecurityDescriptorW(Pointer sd, int revision, int info,
        PointerByReference sddl, IntByReference length);

    boolean GetKernelObjectSecurity(Pointer handle, int info, Pointer sd, int length, IntByReference needed);

    boolean SetKernelObjectSecurity(Pointer handle, int info, Pointer sd);
  }

  interface Kernel32Security extends StdCallLibrary {
    Kernel32Security INSTANCE = Native.load("kernel32", Kernel32Security.class);

    boolean CreateDirectoryW(WString path, SecurityAttributes attributes);

    Pointer LocalFree(Pointer memory);
  }

  /** {@code SECURITY_ATTRIBUTES}: DWORD, pointer, BOOL — 24 bytes on x64. */
  @FieldOrder({"nLength", "lpSecurityDescriptor", "bInheritHandle"})
  public static final class SecurityAttributes extends Structure {
    public int nLength;
    public Pointer lpSecurityDescriptor;
    public int bInheritHandle;
  }

  @Override
  public void createDirectory(String path, String sddl) throws WinError {
    Pointer sd = descriptor(sddl);
    try {
      SecurityAttributes sa = new SecurityAttributes();
      sa.nLength = sa.size();
      sa.lpSecurityDescriptor = sd;
      if (!Kernel32Security.INSTANCE.CreateDirectoryW(new WString(path), sa)) {
        throw new WinError("CreateDirectoryW", Native.getLastError());
      }
    } finally {
      Kernel32Security.INSTANCE.LocalFree(sd);
    }
  }

  @Override
  public String ownerAndDacl(long handle) throws WinError {
    int info = OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
    IntByReference needed = new IntByReference();
    Advapi32Security.INSTANCE.GetKernelObjectSecurity(new Pointer(handle), info, null, 0, needed);
    if (needed.getValue() == 0) {
      throw new WinError("GetKernelObjectSecurity", Native.getLastError());
    }
    Memory sd = new Memory(needed.getValue());
    if (!Advapi32Security.INSTANCE.GetKernelObjectSecurity(new Pointer(handle), info, sd, (int) sd.size(), needed)) {
      throw new WinError("GetKernelObjectSecurity", Native.getLastError());
    }
    PointerByReference text = new PointerByReference();
    if (!Advapi32Security.INSTANCE.ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, info,
        text, null)) {
      throw new WinError("ConvertSecurityDescriptorToStringSecurityDescriptorW", Native.getLastError());
    }
    try {
      return Utf16.read(text.getValue());
    } finally {
      Kernel32Security.INSTANCE.LocalFree(text.getValue());
    }
  }

  @Override
  public void setDacl(long handle, String sddl) throws WinError {
    Pointer sd = descriptor(sddl);
    try {
      if (!Advapi32Security.INSTANCE.SetKernelObjectSecurity(new Pointer(handle), DACL_SECURITY_INFORMATION, sd)) {
        throw new WinError("SetKernelObjectSecurity", Native.getLastError());
      }
    } finally {
      Kernel32Security.INSTANCE.LocalFree(sd);
    }
  }

  private static Pointer descriptor(String sddl) throws WinError {
    PointerByReference sd = new PointerByReference();
    if (!Advapi32Security.INSTANCE.ConvertStringSecurityDescriptorToSecurityDescriptorW(new WString(sddl),
        SDDL_REVISION_1, sd, null)) {
      throw new WinError("ConvertStringSecurityDescriptorToSecurityDescriptorW", Native.getLastError());
    }
    return sd.getValue();
  }
}

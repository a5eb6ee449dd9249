package dev.imageprep.agent.probe.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import java.util.Arrays;

/** {@link RegistryApi} through jna-platform's advapi32 mapping, always in the 64-bit view. */
final class JnaRegistryApi implements RegistryApi {

  @Override
  public long open(long root, String subKey) throws WinError {
    WinReg.HKEYByReference out = new WinReg.HKEYByReference();
    int rc = Advapi32.INSTANCE.RegOpenKeyEx(hkey(root), subKey, 0, WinNT.KEY_READ | WinNT.KEY_WOW64_64KEY, out);
    check("RegOpenKeyExW", rc);
    return Pointer.nativeValue(out.getValue().getPointer());
  }

  @Override
  public KeyInfo info(long key) throws WinError {
    IntByReference maxSubkey = new IntByReference();
    IntByReference maxName = new IntByReference();
    IntByReference maxData = new IntByReference();
    int rc = Advapi32.INSTANCE.RegQueryInfoKey(hkey(key), null, null, null, new IntByReference(), maxSubkey, null,
        new IntByReference(), maxName, maxData, null, null);
    check("RegQueryInfoKeyW", rc);
    return new KeyInfo(maxSubkey.getValue(), maxName.getValue(), maxData.getValue());
  }

  @Override
  public String subkey(long key, int index, int nameChars) throws WinError {
    char[] name = new char[nameChars];
    IntByReference length = new IntByReference(nameChars);
    int rc = Advapi32.INSTANCE.RegEnumKeyEx(hkey(key), index, name, length, null, null, null, null);
    check("RegEnumKeyExW", rc);
    return new String(name, 0, length.getValue());
  }

  @Override
  public RawValue value(long key, int index, int nameChars, int dataBytes) throws WinError {
    char[] name = new char[nameChars];
    IntByReference nameLength = new IntByReference(nameChars);
    IntByReference type = new IntByReference();
    byte[] data = new byte[Math.max(1, dataBytes)];
    IntByReference dataLength = new IntByReference(data.length);
    int rc = Advapi32.INSTANCE.RegEnumValue(hkey(key), index, name, nameLength, null, type, data, dataLength);
    check("RegEnumValueW", rc);
    return new RawValue(new String(name, 0, nameLength.getValue()), type.getValue(),
        Arrays.copyOf(data, dataLength.getValue()));
  }

  @Override
  public void close(long key) {
    Advapi32.INSTANCE.RegCloseKey(hkey(key));
  }

  /** The predefined keys are sign-extended 32-bit values on 64-bit Windows, as winreg.h casts them. */
  private static WinReg.HKEY hkey(long value) {
    if (value == HKEY_LOCAL_MACHINE) {
      return WinReg.HKEY_LOCAL_MACHINE;
    }
    if (value == HKEY_USERS) {
      return WinReg.HKEY_USERS;
    }
    return new WinReg.HKEY(new Pointer(value));
  }

  private static void check(String call, int rc) throws WinError {
    if (rc != 0) {
      throw new WinError(call, rc);
    }
  }
}

package dev.imageprep.agent.probe.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryProbe;
import dev.imageprep.rules.host.RegistryValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running system's registry through JNA's {@code Advapi32Util}, always in the 64-bit view
 * ({@code KEY_WOW64_64KEY}), so {@code HKLM\SOFTWARE\Wow6432Node} names the 32-bit view exactly as in
 * an offline hive. Access denied and other Win32 errors make the key unknown, with the error.
 */
public final class LiveRegistry implements RegistryProbe {

  @Override
  public Fact<Optional<RegistryKey>> key(String path) {
    Optional<RegistryPath> parsed = RegistryPath.parse(path);
    if (parsed.isEmpty()) {
      return Fact.unknown("not a registry path imageprep reads: " + path);
    }
    WinReg.HKEY root = parsed.get().root().equals("HKU") ? WinReg.HKEY_USERS : WinReg.HKEY_LOCAL_MACHINE;
    String sub = parsed.get().subPath();
    try {
      if (!Advapi32Util.registryKeyExists(root, sub, WinNT.KEY_WOW64_64KEY)) {
        return Fact.known(Optional.empty());
      }
      List<String> subkeys = Arrays.asList(Advapi32Util.registryGetKeys(root, sub, WinNT.KEY_WOW64_64KEY));
      List<RegistryValue> values = new ArrayList<>();
      for (Map.Entry<String, Object> e : Advapi32Util.registryGetValues(root, sub, WinNT.KEY_WOW64_64KEY).entrySet()) {
        values.add(convert(e.getKey(), e.getValue()));
      }
      return Fact.known(Optional.of(RegistryKey.of(path, subkeys, values)));
    } catch (Win32Exception e) {
      return Fact.unknown("cannot read " + path + ": " + e.getMessage() + " (error " + e.getErrorCode() + ")");
    } catch (RuntimeException e) {
      return Fact.unknown("cannot read " + path + ": " + e);
    }
  }

  /** Advapi32Util's value objects: String (SZ, EXPAND_SZ unexpanded), Integer, Long, String[], byte[]. */
  static RegistryValue convert(String name, Object value) {
    if (value instanceof String s) {
      return new RegistryValue(name, RegistryValue.Type.SZ, s);
    }
    if (value instanceof Integer i) {
      return new RegistryValue(name, RegistryValue.Type.DWORD, Integer.toUnsignedLong(i));
    }
    if (value instanceof Long l) {
      return new RegistryValue(name, RegistryValue.Type.QWORD, l);
    }
    if (value instanceof String[] a) {
      return new RegistryValue(name, RegistryValue.Type.MULTI_SZ, List.of(a));
    }
    if (value instanceof byte[] b) {
      return new RegistryValue(name, RegistryValue.Type.BINARY, b);
    }
    return new RegistryValue(name, RegistryValue.Type.UNKNOWN, new byte[0]);
  }
}

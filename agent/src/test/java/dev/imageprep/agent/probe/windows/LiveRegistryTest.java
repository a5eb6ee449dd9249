package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.host.RegistryValue.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The live registry reader over an advapi32 that answers as Windows does: RegEnumValueW returns the
 * stored type and bytes, ERROR_MORE_DATA (234) when a buffer is too small — also when a value grew
 * after RegQueryInfoKeyW — and ERROR_NO_MORE_ITEMS (259) after the last entry ("RegEnumValueW",
 * "RegEnumKeyExW", "Registry Value Types", Win32 docs). The odd values are ones real service keys
 * hold: REG_NONE with data, REG_DWORD_BIG_ENDIAN, REG_LINK, REG_RESOURCE_LIST, zero-length DWORDs,
 * empty strings, REG_MULTI_SZ with an empty string inside.
 */
class LiveRegistryTest {

  static final String SERVICE = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Odd";

  /** Keys by path below HKLM: subkey names and values as stored. */
  final Map<String, List<String>> subkeys = new LinkedHashMap<>();
  final Map<String, List<RegistryApi.RawValue>> values = new LinkedHashMap<>();
  final Set<String> denied = new HashSet<>();
  final Map<Long, String> open = new LinkedHashMap<>();
  final List<String> closed = new ArrayList<>();
  /** RegQueryInfoKeyW's answer, which may be stale by the time values are read. */
  int reportedMaxBytes = 16;

  final RegistryApi windows = new RegistryApi() {
    long next = 0x40;

    @Override
    public long open(long root, String subKey) throws WinError {
      String path = subKey.toUpperCase();
      if (!values.containsKey(path)) {
        throw new WinError("RegOpenKeyExW", WinError.FILE_NOT_FOUND);
      }
      long h = next++;
      open.put(h, path);
      return h;
    }

    @Override
    public KeyInfo info(long key) {
      return new KeyInfo(16, 16, reportedMaxBytes);
    }

    @Override
    public String subkey(long key, int index, int nameChars) throws WinError {
      List<String> names = subkeys.getOrDefault(open.get(key), List.of());
      if (index >= names.size()) {
        throw new WinError("RegEnumKeyExW", WinError.NO_MORE_ITEMS);
      }
      if (names.get(index).length() + 1 > nameChars) {
        throw new WinError("RegEnumKeyExW", WinError.MORE_DATA);
      }
      return names.get(index);
    }

    @Override
    public RawValue value(long key, int index, int nameChars, int dataBytes) throws WinError {
      String path = open.get(key);
      if (denied.contains(path)) {
        throw new WinError("RegEnumValueW", WinError.ACCESS_DENIED);
      }
      List<RawValue> list = values.get(path);
      if (index >= list.size()) {
        throw new WinError("RegEnumValueW", WinError.NO_MORE_ITEMS);
      }
      RawValue v = list.get(index);
      if (v.name().length() + 1 > nameChars || v.data().length > dataBytes) {
        throw new WinError("RegEnumValueW", WinError.MORE_DATA);
      }
      return v;
    }

    @Override
    public void close(long key) {
      closed.add(open.remove(key));
    }
  };

  static RegistryApi.RawValue raw(String name, Type type, byte[] data) {
    return new RegistryApi.RawValue(name, type.code(), data);
  }

  static byte[] utf16(String s) {
    return s.getBytes(StandardCharsets.UTF_16LE);
  }

  static byte[] dword(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  @Test
  void oneOddValueNeverMakesTheKeyUnknown() {
    String key = "SYSTEM\\CURRENTCONTROLSET\\SERVICES\\ODD";
    values.put(key, List.of(
        raw("Type", Type.DWORD, dword(0x10)),
        raw("Start", Type.DWORD, new byte[0]), // zero-length DWORD
        raw("Marker", Type.NONE, new byte[] {1, 2, 3}),
        raw("BigEndian", Type.DWORD_BIG_ENDIAN, new byte[] {0, 0, 1, 0}),
        raw("SymbolicLinkValue", Type.LINK, utf16("\\Registry\\Machine\\SYSTEM\\ControlSet001")),
        raw("Resources", Type.RESOURCE_LIST, new byte[] {1, 0, 0, 0}),
        raw("Description", Type.SZ, new byte[0]), // empty, no terminator
        raw("DisplayName", Type.SZ, utf16("\0")), // empty, terminator only
        raw("DependOnService", Type.MULTI_SZ, utf16("RpcSs\0\0Tcpip\0\0")),
        raw("ImagePath", Type.EXPAND_SZ, utf16("%SystemRoot%\\System32\\svchost.exe -k netsvcs\0")),
        new RegistryApi.RawValue("Custom", 0x100, new byte[] {7}), // a type no header names
        raw("ObjectName", Type.SZ, utf16("NT AUTHORITY\\LocalService\0"))));
    values.put(key.replace("\\ODD", ""), List.of());
    subkeys.put(key.replace("\\ODD", ""), List.of("Odd"));

    RegistryKey k = new LiveRegistry(windows).key(SERVICE).value().orElseThrow();

    assertThat(k.number("Type")).contains(0x10L);
    assertThat(k.value("Start")).get().satisfies(v -> {
      assertThat(v.type()).isEqualTo(Type.DWORD);
      assertThat(v.asLong()).isEmpty(); // kept, but not a number
    });
    assertThat(k.value("Marker").map(RegistryValue::data)).get().isEqualTo(new byte[] {1, 2, 3});
    assertThat(k.number("BigEndian")).contains(256L);
    assertThat(k.text("SymbolicLinkValue")).contains("\\Registry\\Machine\\SYSTEM\\ControlSet001");
    assertThat(k.text("Description")).contains("");
    assertThat(k.text("DisplayName")).contains("");
    assertThat(k.value("DependOnService").orElseThrow().asStrings()).containsExactly("RpcSs", "Tcpip");
    assertThat(k.text("ImagePath")).contains("%SystemRoot%\\System32\\svchost.exe -k netsvcs");
    assertThat(k.value("Custom").orElseThrow().type()).isEqualTo(Type.UNKNOWN);
    assertThat(k.text("ObjectName")).contains("NT AUTHORITY\\LocalService");
    assertThat(open).isEmpty();
  }

  @Test
  void aValueThatGrewAfterTheKeyWasMeasuredIsReadAgainWithALargerBuffer() {
    String big = "x".repeat(5000);
    values.put("SOFTWARE\\GROWN", List.of(raw("Path", Type.SZ, utf16(big + "\0"))));
    reportedMaxBytes = 10; // stale: RegQueryInfoKeyW ran before the value grew
    assertThat(new LiveRegistry(windows).key("HKLM\\SOFTWARE\\Grown").value().orElseThrow().text("Path"))
        .contains(big);
  }

  @Test
  void missingKeysAreAbsentDeniedKeysUnknownAndEveryOpenedKeyIsClosed() {
    values.put("SOFTWARE\\LOCKED", List.of(raw("x", Type.DWORD, dword(1))));
    denied.add("SOFTWARE\\LOCKED");
    LiveRegistry registry = new LiveRegistry(windows);
    assertThat(registry.key("HKLM\\SOFTWARE\\Nothing").value()).isEmpty();
    Fact<Optional<RegistryKey>> locked = registry.key("HKLM\\SOFTWARE\\Locked");
    assertThat(locked.isKnown()).isFalse();
    assertThat(locked.reason()).contains("access denied");
    assertThat(closed).containsExactly("SOFTWARE\\LOCKED");
    assertThat(open).isEmpty();
  }
}

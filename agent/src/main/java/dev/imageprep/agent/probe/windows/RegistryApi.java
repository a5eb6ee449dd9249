package dev.imageprep.agent.probe.windows;

/**
 * The registry calls the live reader makes, as a seam: {@link JnaRegistryApi} calls Windows
 * (advapi32), tests answer as Windows does — value types as stored, {@code ERROR_MORE_DATA} when a
 * buffer is too small, {@code ERROR_NO_MORE_ITEMS} at the end of a list.
 */
interface RegistryApi {

  long HKEY_LOCAL_MACHINE = 0x80000002L;
  long HKEY_USERS = 0x80000003L;

  /** {@code RegOpenKeyExW(root, subKey, 0, KEY_READ | KEY_WOW64_64KEY)}. */
  long open(long root, String subKey) throws WinError;

  /** {@code RegQueryInfoKeyW}: the longest names (characters, no terminator) and data (bytes). */
  KeyInfo info(long key) throws WinError;

  /** {@code RegEnumKeyExW} with a name buffer of {@code nameChars} characters. */
  String subkey(long key, int index, int nameChars) throws WinError;

  /** {@code RegEnumValueW} with buffers of {@code nameChars} characters and {@code dataBytes} bytes. */
  RawValue value(long key, int index, int nameChars, int dataBytes) throws WinError;

  /** {@code RegCloseKey}. */
  void close(long key);

  /** What {@code RegQueryInfoKeyW} says of a key. */
  record KeyInfo(int maxSubkeyChars, int maxValueNameChars, int maxValueBytes) {}

  /** One value as stored: its name, its {@code REG_*} type and its bytes. */
  record RawValue(String name, int type, byte[] data) {}
}

package dev.imageprep.agent.probe.windows;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryProbe;
import dev.imageprep.rules.host.RegistryValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running system's registry, always in the 64-bit view ({@code KEY_WOW64_64KEY}), so {@code
 * HKLM\SOFTWARE\Wow6432Node} names the 32-bit view exactly as in an offline hive. Values are
 * enumerated with {@code RegEnumValueW} and decoded by their stored type ({@link RegistryData}), so
 * one odd value never makes a key unknown; a buffer that turns out too small ({@code
 * ERROR_MORE_DATA}: the value grew since {@code RegQueryInfoKeyW}) is enlarged and the entry read
 * again; every key opened is closed. Access denied and other errors make the key unknown.
 */
public final class LiveRegistry implements RegistryProbe {

  /** Retries of one entry whose data keeps growing; then the key is unknown. */
  private static final int GROWTHS = 8;

  private final RegistryApi api;

  public LiveRegistry() {
    this(new JnaRegistryApi());
  }

  LiveRegistry(RegistryApi api) {
    this.api = api;
  }

  @Override
  public Fact<Optional<RegistryKey>> key(String path) {
    Optional<RegistryPath> parsed = RegistryPath.parse(path);
    if (parsed.isEmpty()) {
      return Fact.unknown("not a registry path imageprep reads: " + path);
    }
    long root = parsed.get().root().equals("HKU") ? RegistryApi.HKEY_USERS : RegistryApi.HKEY_LOCAL_MACHINE;
    long key;
    try {
      key = api.open(root, parsed.get().subPath());
    } catch (WinError e) {
      return e.isMissing() ? Fact.known(Optional.empty()) : unknown(path, e);
    }
    try {
      RegistryApi.KeyInfo info = api.info(key);
      return Fact.known(Optional.of(RegistryKey.of(path, subkeys(key, info), values(key, info))));
    } catch (WinError e) {
      return unknown(path, e);
    } finally {
      api.close(key);
    }
  }

  private List<String> subkeys(long key, RegistryApi.KeyInfo info) throws WinError {
    // key names are at most 255 characters
    return enumerate((index, growth) -> api.subkey(key, index, Math.min((info.maxSubkeyChars() + 1) << growth, 256)));
  }

  private List<RegistryValue> values(long key, RegistryApi.KeyInfo info) throws WinError {
    return enumerate((index, growth) -> {
      // value names are at most 16,383 characters; data grows as it likes
      RegistryApi.RawValue raw = api.value(key, index, Math.min((info.maxValueNameChars() + 1) << growth, 16_384),
          growth == 0 ? info.maxValueBytes() : Math.max(info.maxValueBytes(), 512) << growth);
      return RegistryData.decode(raw.name(), raw.type(), raw.data());
    });
  }

  /** One entry of a key's list, read with buffers grown {@code growth} times. */
  @FunctionalInterface
  private interface Entry<T> {
    T read(int index, int growth) throws WinError;
  }

  /** Reads entries until ERROR_NO_MORE_ITEMS, reading one again with larger buffers on ERROR_MORE_DATA. */
  private static <T> List<T> enumerate(Entry<T> entry) throws WinError {
    List<T> out = new ArrayList<>();
    for (int index = 0; ; index++) {
      for (int growth = 0; ; growth++) {
        try {
          out.add(entry.read(index, growth));
          break;
        } catch (WinError e) {
          if (e.code() == WinError.NO_MORE_ITEMS) {
            return out;
          }
          if (e.code() != WinError.MORE_DATA || growth == GROWTHS) {
            throw e;
          }
        }
      }
    }
  }

  private static Fact<Optional<RegistryKey>> unknown(String path, WinError e) {
    return Fact.unknown("cannot read " + path + ": " + (e.code() == WinError.ACCESS_DENIED ? "access denied"
        : e.getMessage()));
  }
}

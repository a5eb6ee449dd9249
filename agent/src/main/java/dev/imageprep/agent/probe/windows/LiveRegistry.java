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
    List<String> out = new ArrayList<>();
    int chars = info.maxSubkeyChars() + 1;
    for (int i = 0; ; i++) {
      for (int attempt = 0; ; attempt++) {
        try {
          out.add(api.subkey(key, i, chars));
          break;
        } catch (WinError e) {
          if (e.code() == WinError.NO_MORE_ITEMS) {
            return out;
          }
          if (e.code() != WinError.MORE_DATA || attempt == GROWTHS) {
            throw e;
          }
          chars = Math.min(chars * 2, 256); // key names are at most 255 characters
        }
      }
    }
  }

  private List<RegistryValue> values(long key, RegistryApi.KeyInfo info) throws WinError {
    List<RegistryValue> out = new ArrayList<>();
    int chars = info.maxValueNameChars() + 1;
    int bytes = info.maxValueBytes();
    for (int i = 0; ; i++) {
      for (int attempt = 0; ; attempt++) {
        try {
          RegistryApi.RawValue raw = api.value(key, i, chars, bytes);
          out.add(RegistryData.decode(raw.name(), raw.type(), raw.data()));
          break;
        } catch (WinError e) {
          if (e.code() == WinError.NO_MORE_ITEMS) {
            return out;
          }
          if (e.code() != WinError.MORE_DATA || attempt == GROWTHS) {
            throw e;
          }
          chars = Math.min(chars * 2, 16_384); // value names are at most 16,383 characters
          bytes = Math.max(bytes * 2, 1024);
        }
      }
    }
  }

  private static Fact<Optional<RegistryKey>> unknown(String path, WinError e) {
    return Fact.unknown("cannot read " + path + ": " + (e.code() == WinError.ACCESS_DENIED ? "access denied"
        : e.getMessage()));
  }
}

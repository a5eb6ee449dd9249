package dev.imageprep.rules.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One registry key as read: the names of its subkeys and its values. Names compare without regard
 * to case, as Windows compares them.
 *
 * @param path the key's full path ({@code HKLM\SOFTWARE\Amazon})
 */
public record RegistryKey(String path, List<String> subkeys, Map<String, RegistryValue> values) {

  public RegistryKey {
    subkeys = List.copyOf(subkeys);
    Map<String, RegistryValue> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(values);
    values = Collections.unmodifiableMap(byName);
  }

  /** A key from a list of values. */
  public static RegistryKey of(String path, List<String> subkeys, List<RegistryValue> values) {
    Map<String, RegistryValue> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (RegistryValue v : values) {
      map.put(v.name(), v);
    }
    return new RegistryKey(path, subkeys, map);
  }

  public Optional<RegistryValue> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** A text value, if the key has it as text. */
  public Optional<String> text(String name) {
    return value(name).flatMap(RegistryValue::asText);
  }

  /** A numeric value, if the key has it as a number. */
  public Optional<Long> number(String name) {
    return value(name).flatMap(RegistryValue::asLong);
  }

  /** The path of a subkey. */
  public String child(String name) {
    return path + "\\" + name;
  }

  /** Subkey names, each once, in the order read. */
  public List<String> subkeyNames() {
    return new ArrayList<>(subkeys);
  }
}

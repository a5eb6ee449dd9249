package dev.imageprep.rules.windows;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryProbe;
import dev.imageprep.rules.host.RegistryValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A registry held in memory, from {@link RegExport} fixtures. Like an offline SYSTEM hive it has no
 * {@code CurrentControlSet}: that name leads to the control set {@code HKLM\SYSTEM\Select\Current}
 * names. Keys listed as unreadable answer {@code Unknown}, as an access-denied key would.
 */
public final class MapRegistry implements RegistryProbe {

  private final Map<String, List<RegistryValue>> keys;
  private final Set<String> unreadable = new LinkedHashSet<>();

  public MapRegistry(Map<String, List<RegistryValue>> keys) {
    this.keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.keys.putAll(keys);
  }

  /** Makes a key and everything below it unreadable. */
  public MapRegistry deny(String path) {
    unreadable.add(path.toUpperCase(Locale.ROOT));
    return this;
  }

  @Override
  public Fact<Optional<RegistryKey>> key(String path) {
    String real = RegExport.shortRoot(path);
    String upper = real.toUpperCase(Locale.ROOT);
    String ccs = "HKLM\\SYSTEM\\CURRENTCONTROLSET";
    if (upper.equals(ccs) || upper.startsWith(ccs + "\\")) {
      Optional<Long> current = Optional.ofNullable(keys.get("HKLM\\SYSTEM\\Select")).flatMap(vs -> vs.stream()
          .filter(v -> v.isNamed("Current")).findFirst()).flatMap(RegistryValue::asLong);
      if (current.isEmpty()) {
        return Fact.unknown("no Select\\Current in the fixture");
      }
      real = String.format(Locale.ROOT, "HKLM\\SYSTEM\\ControlSet%03d", current.get()) + real.substring(ccs.length());
      upper = real.toUpperCase(Locale.ROOT);
    }
    for (String denied : unreadable) {
      if (upper.equals(denied) || upper.startsWith(denied + "\\")) {
        return Fact.unknown("access denied: " + path);
      }
    }
    boolean exists = keys.containsKey(real);
    Set<String> subkeys = new LinkedHashSet<>();
    String prefix = upper + "\\";
    for (String k : keys.keySet()) {
      if (k.toUpperCase(Locale.ROOT).startsWith(prefix)) {
        exists = true;
        String rest = k.substring(prefix.length());
        subkeys.add(rest.contains("\\") ? rest.substring(0, rest.indexOf('\\')) : rest);
      }
    }
    if (!exists) {
      return Fact.known(Optional.empty());
    }
    return Fact.known(Optional.of(RegistryKey.of(path, new ArrayList<>(subkeys), keys.getOrDefault(real, List.of()))));
  }

  /** Every key path, parents included, in sorted order. */
  public List<String> allKeys() {
    Set<String> out = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String k : keys.keySet()) {
      String p = k;
      while (p.contains("\\")) {
        out.add(p);
        p = p.substring(0, p.lastIndexOf('\\'));
      }
    }
    return new ArrayList<>(out);
  }

  public List<RegistryValue> values(String path) {
    return keys.getOrDefault(path, List.of());
  }
}

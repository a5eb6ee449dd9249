package dev.imageprep.rules.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The packages the image's own databases say are installed.
 *
 * @param managers the databases read ({@code dpkg}, {@code rpm}); empty when the image has none
 */
public record PackageInventory(List<String> managers, Map<String, InstalledPackage> byName) {

  public PackageInventory {
    managers = List.copyOf(managers);
    byName = java.util.Collections.unmodifiableMap(new TreeMap<>(byName));
  }

  public static PackageInventory of(List<String> managers, List<InstalledPackage> packages) {
    Map<String, InstalledPackage> map = new TreeMap<>();
    for (InstalledPackage p : packages) {
      map.put(p.name(), p);
    }
    return new PackageInventory(managers, map);
  }

  public Optional<InstalledPackage> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public boolean has(String name) {
    return byName.containsKey(name);
  }
}

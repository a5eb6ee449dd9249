package dev.imageprep.rules.catalog;

import dev.imageprep.rules.host.ImagePath;
import java.util.List;

/**
 * What {@code --profile auto} looks for to choose a profile: the agents and state its own rules and
 * cleanup items name (the catalog's {@code detect:} block). A profile without signs is never chosen
 * by detection, only by name or as its platform's fallback.
 *
 * @param paths files or directories whose presence is a sign
 * @param packages installed packages (dpkg, rpm)
 * @param units systemd units defined in the image
 * @param osIds {@code ID} values of os-release
 * @param registryKeys Windows registry keys that exist
 */
public record Signs(List<String> paths, List<String> packages, List<String> units, List<String> osIds,
    List<String> registryKeys) {

  public static final Signs NONE = new Signs(null, null, null, null, null);

  public Signs {
    paths = paths == null ? List.of() : List.copyOf(paths);
    packages = packages == null ? List.of() : List.copyOf(packages);
    units = units == null ? List.of() : List.copyOf(units);
    osIds = osIds == null ? List.of() : List.copyOf(osIds);
    registryKeys = registryKeys == null ? List.of() : List.copyOf(registryKeys);
    for (String p : paths) {
      ImagePath.of(p); // an absolute image path, or the binder reports the entry
    }
  }

  public boolean isEmpty() {
    return paths.isEmpty() && packages.isEmpty() && units.isEmpty() && osIds.isEmpty() && registryKeys.isEmpty();
  }
}

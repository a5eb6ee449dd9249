package dev.imageprep.rules.testing;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackagedPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Packaged paths in memory, for tests of pure code; content is never compared here. */
public final class MemoryPackageFiles implements PackageFiles {

  private final TreeMap<ImagePath, PackagedPath> paths = new TreeMap<>();

  /** Records that {@code owner} lists each of the paths (and, as dpkg does, their parent directories). */
  public MemoryPackageFiles own(String owner, String... list) {
    for (String p : list) {
      ImagePath path = ImagePath.of(p);
      for (int i = 1; i <= path.depth(); i++) {
        ImagePath prefix = path.prefix(i);
        PackagedPath before = paths.get(prefix);
        List<String> owners = new ArrayList<>(before == null ? List.of() : before.owners());
        if (!owners.contains(owner)) {
          owners.add(owner);
        }
        paths.put(prefix, new PackagedPath(prefix, owners, false));
      }
    }
    return this;
  }

  @Override
  public Optional<PackagedPath> find(ImagePath path) {
    return Optional.ofNullable(paths.get(path));
  }

  @Override
  public List<PackagedPath> below(ImagePath directory) {
    List<PackagedPath> out = new ArrayList<>();
    for (PackagedPath p : paths.tailMap(directory, false).values()) {
      if (!directory.contains(p.path())) {
        break;
      }
      out.add(p);
    }
    return out;
  }

  @Override
  public Fact<Integrity> integrity(ImagePath path) {
    return Fact.known(paths.containsKey(path) ? Integrity.NOT_RECORDED : Integrity.NOT_PACKAGED);
  }
}

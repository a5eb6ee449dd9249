package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.InstalledPackage;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** None of the named packages is installed (agents that must not ship in the image). */
public final class PackagesAbsentCheck implements CheckType<PackagesAbsentCheck.Params> {

  public record Params(List<String> packages) {
    public Params {
      packages = packages == null ? List.of() : List.copyOf(packages);
    }
  }

  @Override
  public String key() {
    return "packages-absent";
  }

  @Override
  public String summary() {
    return "None of the named packages is installed";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.packages().isEmpty()) {
      throw new IllegalArgumentException("packages must name at least one package");
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<PackageInventory> inventory = context.host().packages().installed();
    if (!inventory.isKnown()) {
      return Outcome.unknown("could not read the package databases", inventory);
    }
    List<Evidence> found = new ArrayList<>();
    for (String name : p.packages()) {
      inventory.value().find(name).ifPresent((InstalledPackage pkg) ->
          found.add(Evidence.of("installed-package", pkg.name() + " " + pkg.version())));
    }
    if (!found.isEmpty()) {
      return new Outcome(Status.FAIL, found.size() + " package(s) installed that must be removed", found, Map.of());
    }
    String managers = inventory.value().managers().isEmpty() ? "no package database"
        : String.join(" and ", inventory.value().managers());
    return Outcome.pass("none of " + String.join(", ", p.packages()) + " installed (" + managers + ")");
  }
}

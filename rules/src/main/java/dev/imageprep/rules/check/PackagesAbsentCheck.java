package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.InstalledPackage;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.model.Evidence;
import java.util.List;

/** None of the named packages is installed (agents that must not ship in the image). */
public final class PackagesAbsentCheck extends CheckTypeBase<PackagesAbsentCheck.Params> {

  public record Params(List<String> packages) {
    public Params {
      packages = packages == null ? List.of() : List.copyOf(packages);
    }
  }

  public PackagesAbsentCheck() {
    super("packages-absent", "None of the named packages is installed", Params.class);
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
    Judgement judgement = new Judgement();
    if (judgement.sees("could not read the package databases", inventory)) {
      for (String name : p.packages()) {
        inventory.value().find(name).ifPresent((InstalledPackage pkg) ->
            judgement.found(Evidence.of("installed-package", pkg.name() + " " + pkg.version())));
      }
    }
    return judgement.toOutcome(found -> found.size() + " package(s) installed that must be removed",
        () -> "none of " + String.join(", ", p.packages()) + " installed (" + managers(inventory.value()) + ")");
  }

  private static String managers(PackageInventory inventory) {
    return inventory.managers().isEmpty() ? "no package database" : String.join(" and ", inventory.managers());
  }
}

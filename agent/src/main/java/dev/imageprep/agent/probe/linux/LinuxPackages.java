package dev.imageprep.agent.probe.linux;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.InstalledPackage;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.PackageProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Packages from whichever databases the image has: dpkg, rpm, or both. */
public final class LinuxPackages implements PackageProbe {

  private final DpkgDatabase dpkg;
  private final RpmDatabase rpm;
  private Fact<PackageInventory> cached;

  public LinuxPackages(RootedFiles files, CommandRunner runner) {
    this.dpkg = new DpkgDatabase(files);
    this.rpm = new RpmDatabase(files, runner);
  }

  @Override
  public synchronized Fact<PackageInventory> installed() {
    if (cached == null) {
      cached = read();
    }
    return cached;
  }

  private Fact<PackageInventory> read() {
    List<String> managers = new ArrayList<>();
    List<InstalledPackage> all = new ArrayList<>();
    Fact<Optional<List<InstalledPackage>>> deb = dpkg.installed();
    if (!deb.isKnown()) {
      return Fact.unknown(deb.reason());
    }
    deb.value().ifPresent(list -> {
      managers.add("dpkg");
      all.addAll(list);
    });
    Fact<Boolean> hasRpm = rpm.present();
    if (!hasRpm.isKnown()) {
      return Fact.unknown(hasRpm.reason());
    }
    if (hasRpm.value()) {
      Fact<List<InstalledPackage>> rpms = rpm.installed();
      if (!rpms.isKnown()) {
        return Fact.unknown(rpms.reason());
      }
      managers.add("rpm");
      all.addAll(rpms.value());
    }
    return Fact.known(PackageInventory.of(managers, all));
  }

  @Override
  public Fact<List<ImagePath>> ownedPathsUnder(ImagePath directory) {
    Fact<PackageInventory> inventory = installed();
    if (!inventory.isKnown()) {
      return Fact.unknown(inventory.reason());
    }
    List<ImagePath> out = new ArrayList<>();
    if (inventory.value().managers().contains("dpkg")) {
      Fact<List<ImagePath>> d = dpkg.ownedPathsUnder(directory);
      if (!d.isKnown()) {
        return d;
      }
      out.addAll(d.value());
    }
    if (inventory.value().managers().contains("rpm")) {
      Fact<List<ImagePath>> r = rpm.ownedPathsUnder(directory);
      if (!r.isKnown()) {
        return r;
      }
      out.addAll(r.value());
    }
    return Fact.known(out);
  }
}

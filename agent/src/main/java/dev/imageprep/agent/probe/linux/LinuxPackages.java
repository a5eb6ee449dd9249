package dev.imageprep.agent.probe.linux;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.InstalledPackage;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.PackageProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Packages from whichever databases the image has: dpkg, rpm, or both. Each is read once per run. */
public final class LinuxPackages implements PackageProbe {

  private final RootedFiles files;
  private final DpkgDatabase dpkg;
  private final RpmDatabase rpm;
  private Fact<Optional<DpkgDatabase.Status>> dpkgStatus;
  private Fact<Optional<ImagePath>> rpmDir;
  private Fact<PackageInventory> inventory;
  private Fact<PackageFiles> index;

  public LinuxPackages(RootedFiles files, CommandRunner runner) {
    this.files = files;
    this.dpkg = new DpkgDatabase(files);
    this.rpm = new RpmDatabase(files, runner);
  }

  @Override
  public synchronized Fact<PackageInventory> installed() {
    if (inventory == null) {
      inventory = readInventory();
    }
    return inventory;
  }

  @Override
  public synchronized Fact<PackageFiles> files() {
    if (index == null) {
      index = readIndex();
    }
    return index;
  }

  private Fact<Optional<DpkgDatabase.Status>> dpkgStatus() {
    if (dpkgStatus == null) {
      dpkgStatus = dpkg.status();
    }
    return dpkgStatus;
  }

  private Fact<Optional<ImagePath>> rpmDir() {
    if (rpmDir == null) {
      rpmDir = rpm.location();
    }
    return rpmDir;
  }

  private Fact<PackageInventory> readInventory() {
    List<String> managers = new ArrayList<>();
    List<InstalledPackage> all = new ArrayList<>();
    Fact<Optional<DpkgDatabase.Status>> deb = dpkgStatus();
    if (!deb.isKnown()) {
      return Fact.unknown(deb.reason());
    }
    deb.value().ifPresent(status -> {
      managers.add("dpkg");
      all.addAll(status.installed());
    });
    Fact<Optional<ImagePath>> rpmAt = rpmDir();
    if (!rpmAt.isKnown()) {
      return Fact.unknown(rpmAt.reason());
    }
    if (rpmAt.value().isPresent()) {
      Fact<List<InstalledPackage>> rpms = rpm.installed(rpmAt.value().get());
      if (!rpms.isKnown()) {
        return Fact.unknown(rpms.reason());
      }
      managers.add("rpm");
      all.addAll(rpms.value());
    }
    return Fact.known(PackageInventory.of(managers, all));
  }

  private Fact<PackageFiles> readIndex() {
    Fact<Optional<DpkgDatabase.Status>> deb = dpkgStatus();
    Fact<Optional<ImagePath>> rpmAt = rpmDir();
    if (!deb.isKnown()) {
      return Fact.unknown(deb.reason());
    }
    if (!rpmAt.isKnown()) {
      return Fact.unknown(rpmAt.reason());
    }
    if (deb.value().isEmpty() && rpmAt.value().isEmpty()) {
      return Fact.known(PackageFiles.NONE);
    }
    PackageFileIndex.Builder builder = PackageFileIndex.builder(files);
    if (deb.value().isPresent()) {
      Fact<Boolean> read = dpkg.addTo(builder, deb.value().get());
      if (!read.isKnown()) {
        return Fact.unknown(read.reason());
      }
    }
    if (rpmAt.value().isPresent()) {
      Fact<Boolean> read = rpm.addTo(builder, rpmAt.value().get());
      if (!read.isKnown()) {
        return Fact.unknown(read.reason());
      }
    }
    return Fact.known(builder.build());
  }
}

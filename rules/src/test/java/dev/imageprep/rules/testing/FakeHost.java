package dev.imageprep.rules.testing;

import dev.imageprep.rules.host.AccountProbe;
import dev.imageprep.rules.host.CloudInitConfig;
import dev.imageprep.rules.host.CloudInitProbe;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.GroupEntry;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.InstalledPackage;
import dev.imageprep.rules.host.MountEntry;
import dev.imageprep.rules.host.MountProbe;
import dev.imageprep.rules.host.OsProbe;
import dev.imageprep.rules.host.OsRelease;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.PackageProbe;
import dev.imageprep.rules.host.PendingUpdates;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.SecretsProbe;
import dev.imageprep.rules.host.ServiceProbe;
import dev.imageprep.rules.host.SudoersRule;
import dev.imageprep.rules.host.UnitInfo;
import dev.imageprep.rules.host.UpdatesProbe;
import dev.imageprep.rules.host.UserAccount;
import dev.imageprep.rules.host.VolumeProbe;
import dev.imageprep.rules.host.VolumeUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Host facts in memory for unit tests of checks and the engine. Every fact starts out known and
 * empty (no packages, no units, an empty filesystem); a test sets what it needs, including unknown
 * facts to exercise fail-closed behaviour.
 */
public final class FakeHost implements HostFacts {

  public HostInfo info = new HostInfo(Platform.LINUX, "/", false, "test-host");
  public final MemoryImageFiles files = new MemoryImageFiles();
  public Fact<VolumeUsage> volume = Fact.known(new VolumeUsage("/", "ext4", 100_000, 60_000, 55_000));
  public Fact<PackageInventory> packages = Fact.known(PackageInventory.of(List.of("dpkg"), List.of()));
  public Fact<List<ImagePath>> ownedUnderHome = Fact.known(List.of());
  public Fact<PackageFiles> packageFiles = Fact.known(PackageFiles.NONE);
  public Fact<Optional<CloudInitConfig>> cloudInit = Fact.known(Optional.empty());
  public final Map<String, UnitInfo> units = new LinkedHashMap<>();
  public Fact<Boolean> unitsReadable = Fact.known(true);
  public Fact<List<MountEntry>> mounts = Fact.known(List.of());
  public Fact<List<UserAccount>> users = Fact.known(List.of());
  public Fact<List<GroupEntry>> groups = Fact.known(List.of());
  public Fact<List<SudoersRule>> sudoers = Fact.known(List.of());
  public Fact<OsRelease> os = Fact.known(new OsRelease("debian", List.of(), "12", "Debian GNU/Linux 12 (bookworm)"));
  public Function<ScanScope, Fact<SecretScan>> secrets = scope -> Fact.known(new SecretScan(List.of(), List.of(), 0, 0));
  public Fact<PendingUpdates> updates = Fact.known(new PendingUpdates("apt-get -s upgrade", List.of()));
  public final List<ScanScope> scopesAsked = new ArrayList<>();

  public FakeHost packages(String... names) {
    List<InstalledPackage> list = new ArrayList<>();
    for (String n : names) {
      list.add(new InstalledPackage(n, "1.0", "amd64"));
    }
    packages = Fact.known(PackageInventory.of(List.of("dpkg"), list));
    return this;
  }

  public FakeHost unit(String name, String state, String... exec) {
    units.put(name, new UnitInfo(name, ImagePath.of("/usr/lib/systemd/system/" + name), state, List.of(exec)));
    return this;
  }

  public FakeHost offline() {
    info = new HostInfo(info.platform(), "/mnt/image", true, null);
    return this;
  }

  /** cloud-init's configuration as one cloud.cfg with these top-level keys. */
  public FakeHost cloudConfig(Map<String, Object> values) {
    cloudInit = Fact.known(Optional.of(CloudInitConfig.merge(List.of(
        new CloudInitConfig.Part(ImagePath.of("/etc/cloud/cloud.cfg"), values)))));
    return this;
  }

  @Override
  public CloudInitProbe cloudInit() {
    return () -> cloudInit;
  }

  @Override
  public HostInfo info() {
    return info;
  }

  @Override
  public ImageFiles files() {
    return files;
  }

  @Override
  public VolumeProbe volumes() {
    return path -> volume;
  }

  @Override
  public PackageProbe packages() {
    return new PackageProbe() {
      @Override
      public Fact<PackageInventory> installed() {
        return packages;
      }

      @Override
      public Fact<PackageFiles> files() {
        return packageFiles;
      }

      @Override
      public Fact<List<ImagePath>> ownedPathsUnder(ImagePath directory) {
        return ownedUnderHome;
      }
    };
  }

  @Override
  public ServiceProbe services() {
    return new ServiceProbe() {
      @Override
      public Fact<Optional<UnitInfo>> unit(String name) {
        return unitsReadable.map(ok -> Optional.ofNullable(units.get(name)));
      }

      @Override
      public Fact<List<UnitInfo>> units() {
        return unitsReadable.map(ok -> List.copyOf(units.values()));
      }
    };
  }

  @Override
  public MountProbe mounts() {
    return () -> mounts;
  }

  @Override
  public AccountProbe accounts() {
    return new AccountProbe() {
      @Override
      public Fact<List<UserAccount>> users() {
        return users;
      }

      @Override
      public Fact<List<GroupEntry>> groups() {
        return groups;
      }

      @Override
      public Fact<List<SudoersRule>> sudoers() {
        return sudoers;
      }
    };
  }

  @Override
  public OsProbe os() {
    return () -> os;
  }

  @Override
  public SecretsProbe secrets() {
    return scope -> {
      scopesAsked.add(scope);
      return secrets.apply(scope);
    };
  }

  @Override
  public UpdatesProbe updates() {
    return () -> updates;
  }
}

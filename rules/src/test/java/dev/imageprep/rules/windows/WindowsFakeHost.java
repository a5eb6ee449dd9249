package dev.imageprep.rules.windows;

import dev.imageprep.rules.host.AccountProbe;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.MountProbe;
import dev.imageprep.rules.host.OsProbe;
import dev.imageprep.rules.host.PackageProbe;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.RegistryProbe;
import dev.imageprep.rules.host.SecretsProbe;
import dev.imageprep.rules.host.ServiceProbe;
import dev.imageprep.rules.host.UpdatesProbe;
import dev.imageprep.rules.host.VolumeProbe;
import dev.imageprep.rules.host.WindowsProbe;
import dev.imageprep.rules.host.WindowsVolume;
import dev.imageprep.rules.testing.FakeHost;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Windows host in memory: the fixtures' registry (a Server 2019 WorkSpace), an in-memory system
 * volume, and, when a test adds them, other drives and the machine's volumes. Everything else comes
 * from {@link FakeHost}.
 */
public final class WindowsFakeHost implements HostFacts {

  public final FakeHost base = new FakeHost();
  public MapRegistry registry = new MapRegistry(RegExport.merge(RegExport.resource("software-server2019.reg"),
      RegExport.resource("system-server2019.reg")));
  public Fact<List<WindowsVolume>> volumes = Fact.unknown("offline: only the mounted volume is there");
  public final Map<Character, ImageFiles> drives = new HashMap<>();

  public WindowsFakeHost() {
    base.info = new HostInfo(Platform.WINDOWS, "/mnt/windows", true, null);
  }

  /** Adds keys and values in regedit's export format. */
  public WindowsFakeHost reg(String export) {
    Map<String, List<dev.imageprep.rules.host.RegistryValue>> merged = new java.util.TreeMap<>(
        String.CASE_INSENSITIVE_ORDER);
    for (String k : registry.allKeys()) {
      merged.put(k, registry.values(k));
    }
    registry = new MapRegistry(RegExport.merge(merged, RegExport.parse(export)));
    return this;
  }

  @Override
  public HostInfo info() {
    return base.info();
  }

  @Override
  public ImageFiles files() {
    return base.files();
  }

  @Override
  public VolumeProbe volumes() {
    return base.volumes();
  }

  @Override
  public PackageProbe packages() {
    return base.packages();
  }

  @Override
  public ServiceProbe services() {
    return base.services();
  }

  @Override
  public MountProbe mounts() {
    return base.mounts();
  }

  @Override
  public AccountProbe accounts() {
    return base.accounts();
  }

  @Override
  public OsProbe os() {
    return base.os();
  }

  @Override
  public SecretsProbe secrets() {
    return base.secrets();
  }

  @Override
  public UpdatesProbe updates() {
    return base.updates();
  }

  @Override
  public RegistryProbe registry() {
    return registry;
  }

  @Override
  public WindowsProbe windows() {
    return new WindowsProbe() {
      @Override
      public Fact<List<WindowsVolume>> volumes() {
        return volumes;
      }

      @Override
      public Fact<ImageFiles> drive(char letter) {
        ImageFiles f = drives.get(letter);
        return f == null ? Fact.unknown("no drive " + letter + ": here") : Fact.known(f);
      }

      @Override
      public Fact<Boolean> elevated() {
        return Fact.known(true);
      }
    };
  }
}

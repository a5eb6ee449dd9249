package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryProbe;
import dev.imageprep.rules.host.RegistryValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of a mounted Windows volume, read from its hive files: {@code HKLM\SOFTWARE} from
 * {@code Windows/System32/config/SOFTWARE}, {@code HKLM\SYSTEM} from {@code SYSTEM}. An offline
 * SYSTEM hive has no {@code CurrentControlSet}; the control set the image boots with is the one
 * {@code Select\Current} names ({@code ControlSet001}). Other roots ({@code HKU}, {@code SAM}) are
 * not read, and say so.
 */
public final class OfflineRegistry implements RegistryProbe {

  static final ImagePath CONFIG = ImagePath.of("/Windows/System32/config");

  private final RootedFiles files;
  private final Map<String, Fact<HiveFile>> hives = new HashMap<>();
  /** Keys already read: a run reads the same keys for several rules, and the hive does not change. */
  private final Map<String, Fact<Optional<RegistryKey>>> keys = new HashMap<>();
  private Fact<String> controlSet;

  public OfflineRegistry(RootedFiles files) {
    this.files = files;
  }

  @Override
  public Fact<Optional<RegistryKey>> key(String path) {
    String normal = path.toUpperCase(Locale.ROOT);
    Fact<Optional<RegistryKey>> cached = keys.get(normal);
    if (cached == null) {
      cached = read(path);
      keys.put(normal, cached);
    }
    return cached;
  }

  private Fact<Optional<RegistryKey>> read(String path) {
    Optional<RegistryPath> parsed = RegistryPath.parse(path);
    if (parsed.isEmpty() || !parsed.get().root().equals("HKLM") || parsed.get().names().isEmpty()) {
      return Fact.unknown("offline, only HKLM\\SOFTWARE and HKLM\\SYSTEM are read (asked for " + path + ")");
    }
    List<String> names = new ArrayList<>(parsed.get().names());
    String hiveName = names.remove(0).toUpperCase(Locale.ROOT);
    if (!hiveName.equals("SOFTWARE") && !hiveName.equals("SYSTEM")) {
      return Fact.unknown("offline, the " + hiveName + " hive is not read (asked for " + path + ")");
    }
    Fact<HiveFile> hive = hive(hiveName);
    if (!hive.isKnown()) {
      return Fact.unknown(hive.reason());
    }
    try {
      if (hiveName.equals("SYSTEM") && !names.isEmpty() && names.get(0).equalsIgnoreCase("CurrentControlSet")) {
        Fact<String> current = controlSet(hive.value());
        if (!current.isKnown()) {
          return Fact.unknown(current.reason());
        }
        names.set(0, current.value());
      }
      Optional<HiveFile.Key> key = hive.value().find(names);
      if (key.isEmpty()) {
        return Fact.known(Optional.empty());
      }
      return Fact.known(Optional.of(RegistryKey.of(path, key.get().subkeyNames(), key.get().values())));
    } catch (HiveException e) {
      return Fact.unknown(e.getMessage());
    } catch (RuntimeException e) {
      return Fact.unknown(hiveName + " hive could not be read: " + e);
    }
  }

  private Fact<HiveFile> hive(String name) {
    return hives.computeIfAbsent(name, this::load);
  }

  private Fact<HiveFile> load(String name) {
    ImagePath path = CONFIG.child(name);
    Fact<ImagePath> real = files.resolve(path);
    if (!real.isKnown()) {
      return Fact.unknown(real.reason());
    }
    Fact<Optional<FileInfo>> stat = files.stat(real.value());
    if (!stat.isKnown()) {
      return Fact.unknown(stat.reason());
    }
    if (stat.value().isEmpty() || !stat.value().get().isRegular()) {
      return Fact.unknown("no registry hive at " + path + " (not a mounted Windows system volume?)");
    }
    try {
      return Fact.known(HiveFile.open(files.hostPath(real.value())));
    } catch (IOException e) {
      return Fact.unknown(RootedFiles.describe(e, path));
    } catch (HiveException e) {
      return Fact.unknown(path + ": " + e.getMessage());
    }
  }

  /** {@code ControlSet00N} from {@code SYSTEM\Select\Current}. */
  private Fact<String> controlSet(HiveFile system) throws HiveException {
    if (controlSet == null) {
      Optional<HiveFile.Key> select = system.find(List.of("Select"));
      Optional<Long> current = select.isEmpty() ? Optional.empty() : select.get().values().stream()
          .filter(v -> v.isNamed("Current")).findFirst().flatMap(RegistryValue::asLong);
      controlSet = current.<Fact<String>>map(n -> Fact.known(String.format(Locale.ROOT, "ControlSet%03d", n)))
          .orElseGet(() -> Fact.unknown("the SYSTEM hive has no Select\\Current value, so its current control set"
              + " is unknown"));
    }
    return controlSet;
  }
}

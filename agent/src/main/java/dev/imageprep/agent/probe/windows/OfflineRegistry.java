package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.ReadNote;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of a mounted Windows volume, read from its hive files: {@code HKLM\SOFTWARE} from
 * {@code Windows/System32/config/SOFTWARE}, {@code HKLM\SYSTEM} from {@code SYSTEM}. A hive that
 * was not closed cleanly is replayed from the {@code .LOG1}/{@code .LOG2} (or {@code .LOG}) files
 * beside it, found without regard to case and resolved inside the volume like every other path; the
 * replay happens in memory and nothing on the volume is written. Each rule's result says how the
 * hives it read were read ({@link #takeReadNotes}). An offline SYSTEM hive has no {@code
 * CurrentControlSet}; the control set the image boots with is the one {@code Select\Current} names
 * ({@code ControlSet001}). Other roots ({@code HKU}, {@code SAM}) are not read, and say so.
 */
public final class OfflineRegistry implements RegistryProbe {

  static final ImagePath CONFIG = ImagePath.of("/Windows/System32/config");

  private final RootedFiles files;
  private final Map<String, Fact<HiveFile>> hives = new HashMap<>();
  /** Keys already read: a run reads the same keys for several rules, and the hive does not change. */
  private final Map<String, Fact<Optional<RegistryKey>>> keys = new HashMap<>();
  /** Hives asked for since the last {@link #takeReadNotes}. */
  private final Set<String> asked = new LinkedHashSet<>();
  private Fact<String> controlSet;

  public OfflineRegistry(RootedFiles files) {
    this.files = files;
  }

  @Override
  public Fact<Optional<RegistryKey>> key(String path) {
    Optional<RegistryPath> parsed = RegistryPath.parse(path);
    if (parsed.isPresent() && parsed.get().root().equals("HKLM") && !parsed.get().names().isEmpty()) {
      asked.add(parsed.get().names().get(0).toUpperCase(Locale.ROOT));
    }
    String normal = path.toUpperCase(Locale.ROOT);
    Fact<Optional<RegistryKey>> cached = keys.get(normal);
    if (cached == null) {
      cached = read(path, parsed);
      keys.put(normal, cached);
    }
    return cached;
  }

  @Override
  public List<ReadNote> takeReadNotes() {
    List<ReadNote> notes = new ArrayList<>();
    for (String name : asked) {
      Fact<HiveFile> hive = hives.get(name);
      if (hive != null && hive.isKnown() && hive.value().state().kind() != HiveState.Kind.CLEAN) {
        HiveState state = hive.value().state();
        notes.add(new ReadNote(CONFIG.child(name).toString(), state.detail(), !state.current()));
      }
    }
    asked.clear();
    return notes;
  }

  private Fact<Optional<RegistryKey>> read(String path, Optional<RegistryPath> parsed) {
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
    Fact<List<FileInfo>> listing = files.list(CONFIG);
    if (!listing.isKnown()) {
      return Fact.unknown(listing.reason());
    }
    List<String> present = listing.value().stream().map(f -> f.path().fileName()).toList();
    Fact<Path> primary = regularFile(path, "no registry hive at " + path + " (not a mounted Windows system volume?)");
    if (!primary.isKnown()) {
      return Fact.unknown(primary.reason());
    }
    HiveLogs found = HiveLogs.among(name, present);
    List<Path> logs = new ArrayList<>();
    List<String> problems = new ArrayList<>(found.problems());
    for (String log : found.names()) {
      Fact<Path> p = regularFile(CONFIG.child(log), log + " is not a regular file inside the volume");
      if (p.isKnown()) {
        logs.add(p.value());
      } else {
        problems.add(p.reason());
      }
    }
    try {
      return Fact.known(HiveFile.open(primary.value(), logs, problems));
    } catch (IOException e) {
      return Fact.unknown(RootedFiles.describe(e, path));
    } catch (HiveException e) {
      return Fact.unknown(path + ": " + e.getMessage());
    }
  }

  /** The host path of a regular file of the image, every link on the way resolved inside the volume. */
  private Fact<Path> regularFile(ImagePath path, String otherwise) {
    Fact<ImagePath> real = files.resolve(path);
    if (!real.isKnown()) {
      return Fact.unknown(real.reason());
    }
    Fact<Optional<FileInfo>> stat = files.stat(real.value());
    if (!stat.isKnown()) {
      return Fact.unknown(stat.reason());
    }
    if (stat.value().isEmpty() || !stat.value().get().isRegular()) {
      return Fact.unknown(otherwise);
    }
    return Fact.known(files.hostPath(real.value()));
  }

  /** {@code ControlSet00N} from {@code SYSTEM\Select\Current}. */
  private Fact<String> controlSet(HiveFile system) throws HiveException {
    if (controlSet == null) {
      controlSet = system.currentControlSet().<Fact<String>>map(Fact::known)
          .orElseGet(() -> Fact.unknown("the SYSTEM hive has no Select\\Current value, so its current control set"
              + " is unknown"));
    }
    return controlSet;
  }
}

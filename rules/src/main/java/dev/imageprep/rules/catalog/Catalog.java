package dev.imageprep.rules.catalog;

import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * All profiles known to this run: the bundled ones plus any rule files given with {@code --rules}.
 * A rule file that names a profile defines or replaces that profile; one that does not is an overlay
 * whose entries are added to (or replace, by id) the entries of whichever profile runs.
 */
public final class Catalog {

  /** The bundled catalog files, in load order. */
  public static final List<String> BUNDLED = List.of(
      // keep-sorted start
      "profiles/ec2-linux.yaml",
      "profiles/ec2-windows.yaml",
      "profiles/linux.yaml",
      "profiles/opsworks-linux.yaml",
      "profiles/windows.yaml",
      "profiles/workspaces-linux.yaml",
      "profiles/workspaces-windows.yaml"
      // keep-sorted end
      );

  private static final String RESOURCE_DIR = "/dev/imageprep/rules/catalog/";

  private final CatalogLoader loader;
  private final Map<String, Source> lazy;
  private final Map<String, CatalogFile> profiles;
  private final List<CatalogFile> overlays;

  private Catalog(CatalogLoader loader, Map<String, Source> lazy, Map<String, CatalogFile> profiles,
      List<CatalogFile> overlays) {
    this.loader = loader;
    this.lazy = lazy;
    this.profiles = profiles;
    this.overlays = overlays;
  }

  /** A named source of catalog bytes (UTF-8), opened when the catalog loads. */
  public record Source(String name, java.util.concurrent.Callable<InputStream> open) {}

  /** Loads the bundled catalog and then the given rule files, validating everything. */
  public static Catalog load(CheckTypes types, List<String> bundled, List<Source> extra) {
    CatalogLoader loader = new CatalogLoader(types);
    Map<String, Source> lazy = new LinkedHashMap<>();
    for (String name : bundled) {
      lazy.put(stem(name), new Source("bundled:" + name, () -> bundled(name)));
    }
    Map<String, CatalogFile> profiles = new LinkedHashMap<>();
    List<CatalogFile> overlays = new ArrayList<>();
    List<CatalogProblem> problems = new ArrayList<>();
    for (Source source : extra) {
      try {
        CatalogFile file = read(loader, source);
        if (file.isOverlay()) {
          overlays.add(file);
        } else {
          profiles.put(file.profileId(), file);
          lazy.remove(file.profileId()); // a rule file's profile replaces the bundled one
        }
      } catch (CatalogException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException(problems);
    }
    Catalog catalog = new Catalog(loader, lazy, profiles, overlays);
    for (CatalogFile f : List.copyOf(profiles.values())) {
      catalog.resolve(f.profileId()); // a broken rule file fails the load, not a later run
    }
    return catalog;
  }

  /**
   * Loads every bundled profile too; the bundled files are otherwise read only when a run asks for
   * them (they are validated by the build's tests, and parsing all of them is most of a short run).
   */
  public Catalog loadAll() {
    for (String id : profileIds()) {
      resolve(id);
    }
    return this;
  }

  private static CatalogFile read(CatalogLoader loader, Source source) {
    try (InputStream in = source.open().call()) {
      return loader.load(source.name(), CatalogText.read(source.name(), in));
    } catch (CatalogException e) {
      throw e;
    } catch (IOException e) {
      throw new CatalogException(new CatalogProblem(source.name(), 0, 0, "cannot read: " + describe(e)));
    } catch (UncheckedIOException e) {
      throw new CatalogException(new CatalogProblem(source.name(), 0, 0, "cannot read: " + describe(e.getCause())));
    } catch (Exception e) {
      throw new CatalogException(new CatalogProblem(source.name(), 0, 0, "cannot read: " + e));
    }
  }

  /** Why a file could not be read, in words: an access error's message is only the file's name. */
  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String stem(String bundledName) {
    String base = bundledName.substring(bundledName.lastIndexOf('/') + 1);
    return base.endsWith(".yaml") ? base.substring(0, base.length() - 5) : base;
  }

  /** The parsed file of a profile, reading a bundled one on first use. */
  private synchronized CatalogFile file(String id) {
    CatalogFile f = profiles.get(id);
    if (f == null && lazy.containsKey(id)) {
      f = read(loader, lazy.get(id));
      if (!id.equals(f.profileId())) {
        throw new CatalogException(new CatalogProblem(lazy.get(id).name(), 0, 0, "the file of profile '" + id
            + "' declares profile '" + f.profileId() + "': a bundled profile's file is named after it"));
      }
      profiles.put(id, f);
    }
    return f;
  }

  private static InputStream bundled(String name) {
    InputStream in = Catalog.class.getResourceAsStream(RESOURCE_DIR + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("bundled catalog file missing: " + name));
    }
    return in;
  }

  /** Profile ids, in load order. */
  public List<String> profileIds() {
    List<String> ids = new ArrayList<>(lazy.keySet());
    profiles.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    return ids;
  }

  public boolean hasProfile(String id) {
    return profiles.containsKey(id) || lazy.containsKey(id);
  }

  /**
   * The profile with everything it extends and every overlay applied.
   *
   * @throws CatalogException for an unknown profile, a cycle of {@code extends}, or a profile without
   *     a platform
   */
  public Profile resolve(String id) {
    Profile base = resolveChain(id, new LinkedHashSet<>());
    List<RuleEntry> rules = new ArrayList<>(base.rules());
    List<CleanupEntry> cleanup = new ArrayList<>(base.cleanup());
    for (CatalogFile overlay : overlays) {
      mergeInto(rules, overlay.rules(), RuleEntry::id);
      mergeInto(cleanup, overlay.cleanup(), CleanupEntry::id);
    }
    checkSharedIds(id, rules, cleanup);
    return new Profile(base.id(), base.title(), base.description(), base.platform(), base.parent(),
        base.environment(), base.userVolumes(), base.signs(), rules, cleanup);
  }

  private Profile resolveChain(String id, Set<String> seen) {
    CatalogFile file = file(id);
    if (file == null) {
      throw new CatalogException(new CatalogProblem("--profile", 0, 0, "unknown profile '" + id + "' (known: "
          + String.join(", ", profileIds()) + ")"));
    }
    if (!seen.add(id)) {
      throw new CatalogException(CatalogLoader.problemAt(file.extendsOrigin() == null ? file.name() : file.extendsOrigin(),
          "profiles extend each other in a cycle: " + String.join(" -> ", seen) + " -> " + id));
    }
    if (file.extendsId() == null) {
      if (file.platform() == null) {
        throw new CatalogException(new CatalogProblem(file.name(), 0, 0, "profile '" + id + "' needs a platform"));
      }
      List<CleanupEntry> cleanup = new ArrayList<>(file.cleanup());
      List<RuleEntry> rules = new ArrayList<>(file.rules());
      return new Profile(id, file.title(), nonNull(file.description()), file.platform(), null,
          file.environment() == null ? "generic" : file.environment(), file.userVolumes(), file.signs(), rules,
          cleanup);
    }
    if (!hasProfile(file.extendsId())) {
      throw new CatalogException(CatalogLoader.problemAt(file.extendsOrigin(), "profile '" + id
          + "' extends unknown profile '" + file.extendsId() + "'"));
    }
    Profile parent = resolveChain(file.extendsId(), seen);
    List<RuleEntry> rules = new ArrayList<>(parent.rules());
    List<CleanupEntry> cleanup = new ArrayList<>(parent.cleanup());
    for (String removed : file.remove()) {
      boolean hit = rules.removeIf(r -> r.id().equals(removed)) | cleanup.removeIf(c -> c.id().equals(removed));
      if (!hit) {
        throw new CatalogException(new CatalogProblem(file.name(), 0, 0, "remove names '" + removed
            + "', which profile '" + parent.id() + "' does not have"));
      }
    }
    mergeInto(rules, file.rules(), RuleEntry::id);
    mergeInto(cleanup, file.cleanup(), CleanupEntry::id);
    Platform platform = file.platform() != null ? file.platform() : parent.platform();
    List<ImagePath> volumes = file.userVolumes().isEmpty() ? parent.userVolumes() : file.userVolumes();
    return new Profile(id, file.title(), nonNull(file.description()), platform, parent.id(),
        file.environment() != null ? file.environment() : parent.environment(), volumes, file.signs(), rules,
        cleanup);
  }

  private static <T> void mergeInto(List<T> base, List<T> additions, Function<T, String> idOf) {
    for (T add : additions) {
      Optional<Integer> at = indexOf(base, idOf.apply(add), idOf);
      if (at.isPresent()) {
        base.set(at.get(), add);
      } else {
        base.add(add);
      }
    }
  }

  private static <T> Optional<Integer> indexOf(List<T> list, String id, Function<T, String> idOf) {
    for (int i = 0; i < list.size(); i++) {
      if (idOf.apply(list.get(i)).equals(id)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static void checkSharedIds(String profile, List<RuleEntry> rules, List<CleanupEntry> cleanup) {
    for (CleanupEntry c : cleanup) {
      for (RuleEntry r : rules) {
        if (r.id().equals(c.id())) {
          throw new CatalogException(CatalogLoader.problemAt(c.origin(), "id '" + c.id()
              + "' names both a rule (" + r.origin() + ") and a cleanup item in profile " + profile));
        }
      }
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}

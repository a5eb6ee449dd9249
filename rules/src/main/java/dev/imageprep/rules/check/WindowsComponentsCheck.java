package dev.imageprep.rules.check;

import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.InstalledApp;
import dev.imageprep.rules.windows.WindowsRegistry;
import dev.imageprep.rules.windows.WindowsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Required Windows components are in the image. A component is present when any of its signs is:
 * a service that exists and is not disabled, a registry key, an installed application whose display
 * name starts with a given text, or a path on the system volume (patterns allowed). A component may
 * be required only under a condition (WinRM: only with EC2Launch 1.2.0 or earlier), and one with no
 * public sign to look for is reported as unknown with what to check by hand.
 */
public final class WindowsComponentsCheck extends CheckTypeBase<WindowsComponentsCheck.Params> {

  public record Params(List<Component> components) {
    public Params {
      components = components == null ? List.of() : List.copyOf(components);
    }
  }

  /**
   * One component and the signs of it.
   *
   * @param services service names; a disabled service does not count
   * @param registry registry keys ({@code HKLM\SOFTWARE\Amazon\PVDriver})
   * @param apps display-name prefixes of installed applications, compared without case
   * @param paths paths on the system volume, patterns allowed ({@code /Program Files*}{@code /Teradici})
   * @param requiredIf the component is required only when this condition holds
   * @param manual what to check by hand when there is no sign to look for
   */
  public record Component(String name, List<String> services, List<String> registry, List<String> apps,
      List<String> paths, Condition requiredIf, String manual) {
    public Component {
      services = services == null ? List.of() : List.copyOf(services);
      registry = registry == null ? List.of() : List.copyOf(registry);
      apps = apps == null ? List.of() : List.copyOf(apps);
      paths = paths == null ? List.of() : List.copyOf(paths);
    }

    boolean hasSigns() {
      return !services.isEmpty() || !registry.isEmpty() || !apps.isEmpty() || !paths.isEmpty();
    }
  }

  /**
   * Holds when {@code file} exists and the version its {@code version-pattern} captures is at most
   * {@code atMost}.
   */
  public record Condition(String file, String versionPattern, String atMost) {}

  private enum Presence { PRESENT, MISSING, UNKNOWN, NOT_REQUIRED }

  private record Finding(Presence presence, String detail) {}

  public WindowsComponentsCheck() {
    super("windows-components",
        "Required Windows components are present (any of their services, registry keys, applications or paths)",
        Params.class);
  }

  @Override
  public void validate(Params p) {
    if (p.components().isEmpty()) {
      throw new IllegalArgumentException("components must name at least one component");
    }
    for (Component c : p.components()) {
      if (c.name() == null || c.name().isBlank()) {
        throw new IllegalArgumentException("every component needs a name");
      }
      if (!c.hasSigns() && (c.manual() == null || c.manual().isBlank())) {
        throw new IllegalArgumentException("component '" + c.name() + "' names no sign to look for and no manual check");
      }
      c.paths().forEach(Glob::parse);
      if (c.requiredIf() != null) {
        Condition w = c.requiredIf();
        if (w.file() == null || w.versionPattern() == null || w.atMost() == null) {
          throw new IllegalArgumentException("required-if of '" + c.name() + "' needs file, version-pattern and at-most");
        }
        ImagePath.of(w.file());
        try {
          if (Pattern.compile(w.versionPattern()).matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("version-pattern of '" + c.name() + "' must capture the version");
          }
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("bad version-pattern of '" + c.name() + "': " + e.getDescription());
        }
      }
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    WindowsRegistry registry = WindowsRegistry.of(context.host());
    Judgement judgement = new Judgement();
    List<String> missing = new ArrayList<>();
    Fact<List<InstalledApp>> apps = null;
    for (Component c : p.components()) {
      if (!c.apps().isEmpty() && apps == null) {
        apps = registry.installedApps();
      }
      Finding f = judge(c, context, registry, apps);
      switch (f.presence()) {
        case PRESENT -> judgement.saw(Evidence.of("present", c.name() + ": " + f.detail()));
        case NOT_REQUIRED -> judgement.saw(Evidence.of("not-required", c.name() + ": " + f.detail()));
        case MISSING -> {
          missing.add(c.name());
          judgement.found(Evidence.of("missing", c.name() + ": " + f.detail()));
        }
        case UNKNOWN -> judgement.unseen(c.name(), Evidence.of("unknown", c.name() + ": " + f.detail()));
      }
    }
    return judgement.toOutcome(found -> "missing: " + String.join(", ", missing),
        unseen -> "could not confirm: " + String.join(", ", unseen),
        () -> "all " + p.components().size() + " components present or not needed");
  }

  private Finding judge(Component c, CheckContext context, WindowsRegistry registry, Fact<List<InstalledApp>> apps) {
    if (c.requiredIf() != null) {
      Optional<Finding> gate = condition(c.requiredIf(), context);
      if (gate.isPresent()) {
        return gate.get();
      }
    }
    if (!c.hasSigns()) {
      return new Finding(Presence.UNKNOWN, "no sign that imageprep can look for; check by hand: " + c.manual());
    }
    List<String> blind = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String name : c.services()) {
      Fact<Optional<WindowsService>> s = registry.service(name);
      if (!s.isKnown()) {
        blind.add("service " + name + ": " + s.reason());
      } else if (s.value().isPresent()) {
        WindowsService svc = s.value().get();
        if (!svc.isDisabled()) {
          return new Finding(Presence.PRESENT, "service " + svc.name() + " (" + svc.startName() + ")");
        }
        seen.add("service " + svc.name() + " is disabled");
      }
    }
    for (String key : c.registry()) {
      Fact<Optional<RegistryKey>> k = registry.key(key);
      if (!k.isKnown()) {
        blind.add(key + ": " + k.reason());
      } else if (k.value().isPresent()) {
        return new Finding(Presence.PRESENT, "registry key " + key);
      }
    }
    if (!c.apps().isEmpty()) {
      if (!apps.isKnown()) {
        blind.add("installed applications: " + apps.reason());
      } else {
        for (String prefix : c.apps()) {
          for (InstalledApp a : apps.value()) {
            if (a.displayName().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
              return new Finding(Presence.PRESENT, "application " + a.displayName()
                  + (a.version().isEmpty() ? "" : " " + a.version()));
            }
          }
        }
      }
    }
    for (String pattern : c.paths()) {
      for (ImagePath match : PatternMatches.expand(context.host().files(), pattern, blind::add)) {
        Fact<Optional<FileInfo>> stat = context.host().files().stat(match);
        if (!stat.isKnown()) {
          blind.add(match + ": " + stat.reason());
        } else if (stat.value().isPresent()) {
          return new Finding(Presence.PRESENT, "path " + match);
        }
      }
    }
    String looked = lookedFor(c) + (seen.isEmpty() ? "" : " (" + String.join("; ", seen) + ")");
    if (!blind.isEmpty()) {
      return new Finding(Presence.UNKNOWN, "not found, and could not look everywhere (" + String.join("; ", blind)
          + "); looked for " + looked);
    }
    return new Finding(Presence.MISSING, "none of " + looked + " found");
  }

  private static Optional<Finding> condition(Condition w, CheckContext context) {
    Fact<Optional<String>> text = context.host().files().readText(ImagePath.of(w.file()), 1 << 20);
    if (!text.isKnown()) {
      return Optional.of(new Finding(Presence.UNKNOWN, "cannot tell whether it is needed: " + text.reason()));
    }
    if (text.value().isEmpty()) {
      return Optional.of(new Finding(Presence.NOT_REQUIRED, "not needed: " + w.file() + " does not exist"));
    }
    Matcher m = Pattern.compile(w.versionPattern(), Pattern.MULTILINE).matcher(text.value().get());
    if (!m.find()) {
      return Optional.of(new Finding(Presence.UNKNOWN, "cannot tell whether it is needed: no version in "
          + w.file()));
    }
    String version = m.group(1);
    if (compareVersions(version, w.atMost()) > 0) {
      return Optional.of(new Finding(Presence.NOT_REQUIRED, "not needed: version " + version + " in " + w.file()
          + " is newer than " + w.atMost()));
    }
    return Optional.empty();
  }

  /** Compares dotted numeric versions; missing parts count as 0. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long xi = i < x.length ? parse(x[i]) : 0;
      long yi = i < y.length ? parse(y[i]) : 0;
      if (xi != yi) {
        return Long.compare(xi, yi);
      }
    }
    return 0;
  }

  private static long parse(String part) {
    String digits = part.replaceAll("\\D.*$", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits.length() > 18 ? digits.substring(0, 18) : digits);
  }

  private static String lookedFor(Component c) {
    return new LookedFor().add("services", c.services()).add("registry keys", c.registry())
        .add("applications", c.apps()).add("paths", c.paths()).toString();
  }
}

package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.UnitInfo;
import dev.imageprep.rules.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Required software is in the image. A component counts as present when any of its packages is
 * installed, any of its units is defined, or any of its paths exists; it is unknown when none was
 * found and a source that might have shown it could not be read.
 */
public final class ComponentsPresentCheck extends CheckTypeBase<ComponentsPresentCheck.Params> {

  public record Params(List<Component> components) {
    public Params {
      components = components == null ? List.of() : List.copyOf(components);
    }
  }

  /** One required component and the ways to recognise it. */
  public record Component(String name, List<String> packages, List<String> units, List<String> paths) {
    public Component {
      packages = packages == null ? List.of() : List.copyOf(packages);
      units = units == null ? List.of() : List.copyOf(units);
      paths = paths == null ? List.of() : List.copyOf(paths);
    }
  }

  public ComponentsPresentCheck() {
    super("components-present",
        "Required components are installed (any of their packages, units or paths)", Params.class);
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
      if (c.packages().isEmpty() && c.units().isEmpty() && c.paths().isEmpty()) {
        throw new IllegalArgumentException("component '" + c.name() + "' names no package, unit or path to look for");
      }
      c.paths().forEach(ImagePath::of);
    }
  }

  private enum Presence { PRESENT, MISSING, UNKNOWN }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Judgement judgement = new Judgement();
    List<String> missing = new ArrayList<>();
    for (Component c : p.components()) {
      List<String> blind = new ArrayList<>();
      Presence presence = Presence.MISSING;
      String foundBy = null;
      Fact<PackageInventory> inventory = c.packages().isEmpty() ? null : context.host().packages().installed();
      if (inventory != null && !inventory.isKnown()) {
        blind.add("packages: " + inventory.reason());
      }
      for (String pkg : c.packages()) {
        if (inventory != null && inventory.isKnown() && inventory.value().has(pkg)) {
          presence = Presence.PRESENT;
          foundBy = "package " + pkg + " " + inventory.value().find(pkg).get().version();
          break;
        }
      }
      for (String unit : c.units()) {
        if (presence == Presence.PRESENT) {
          break;
        }
        Fact<Optional<UnitInfo>> u = context.host().services().unit(unit);
        if (!u.isKnown()) {
          blind.add("unit " + unit + ": " + u.reason());
        } else if (u.value().isPresent()) {
          presence = Presence.PRESENT;
          foundBy = "unit " + unit + " (" + u.value().get().state() + ")";
        }
      }
      for (String path : c.paths()) {
        if (presence == Presence.PRESENT) {
          break;
        }
        Fact<Optional<FileInfo>> f = context.host().files().stat(ImagePath.of(path));
        if (!f.isKnown()) {
          blind.add(path + ": " + f.reason());
        } else if (f.value().isPresent()) {
          presence = Presence.PRESENT;
          foundBy = "path " + path;
        }
      }
      if (presence == Presence.MISSING && !blind.isEmpty()) {
        presence = Presence.UNKNOWN;
      }
      switch (presence) {
        case PRESENT -> judgement.saw(Evidence.of("present", c.name() + ": " + foundBy));
        case MISSING -> {
          missing.add(c.name());
          judgement.found(Evidence.of("missing", c.name() + ": none of " + lookedFor(c) + " found"));
        }
        case UNKNOWN -> judgement.unseen(c.name(), Evidence.of("unknown", c.name()
            + ": not found, and could not look everywhere (" + String.join("; ", blind) + ")"));
      }
    }
    return judgement.toOutcome(found -> "missing: " + String.join(", ", missing),
        unseen -> "could not confirm: " + String.join(", ", unseen),
        () -> "all " + p.components().size() + " required components present");
  }

  private static String lookedFor(Component c) {
    return new LookedFor().add("packages", c.packages()).add("units", c.units()).add("paths", c.paths()).toString();
  }
}

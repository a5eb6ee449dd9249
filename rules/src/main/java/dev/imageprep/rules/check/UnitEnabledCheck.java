package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.UnitInfo;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** At least one of the named systemd units is installed and enabled, so it runs at boot. */
public final class UnitEnabledCheck implements CheckType<UnitEnabledCheck.Params> {

  public record Params(List<String> units) {
    public Params {
      units = units == null ? List.of() : List.copyOf(units);
    }
  }

  @Override
  public String key() {
    return "unit-enabled";
  }

  @Override
  public String summary() {
    return "One of the named systemd units is installed and enabled";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.units().isEmpty()) {
      throw new IllegalArgumentException("units must name at least one unit");
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    List<Evidence> evidence = new ArrayList<>();
    List<String> blind = new ArrayList<>();
    for (String name : p.units()) {
      Fact<Optional<UnitInfo>> unit = context.host().services().unit(name);
      if (!unit.isKnown()) {
        blind.add(name + ": " + unit.reason());
        continue;
      }
      if (unit.value().isEmpty()) {
        evidence.add(Evidence.of("missing-unit", name + " is not installed"));
        continue;
      }
      UnitInfo u = unit.value().get();
      if (u.enabled()) {
        return new Outcome(Status.PASS, name + " is installed and " + u.state(),
            List.of(Evidence.atPath(u.fragment().toString(), "unit", name + " " + u.state())), Map.of());
      }
      evidence.add(Evidence.atPath(u.fragment().toString(), "unit-not-enabled", name + " is " + u.state()));
    }
    if (!blind.isEmpty()) {
      return new Outcome(Status.UNKNOWN, "could not read unit state: " + String.join("; ", blind), evidence, Map.of());
    }
    return new Outcome(Status.FAIL, "none of " + String.join(", ", p.units()) + " is installed and enabled", evidence,
        Map.of());
  }
}

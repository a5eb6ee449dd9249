package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.UnitInfo;
import dev.imageprep.rules.model.Evidence;
import java.util.List;
import java.util.Optional;

/** At least one of the named systemd units is installed and enabled, so it runs at boot. */
public final class UnitEnabledCheck extends CheckTypeBase<UnitEnabledCheck.Params> {

  public record Params(List<String> units) {
    public Params {
      units = units == null ? List.of() : List.copyOf(units);
    }
  }

  public UnitEnabledCheck() {
    super("unit-enabled", "One of the named systemd units is installed and enabled", Params.class);
  }

  @Override
  public void validate(Params p) {
    if (p.units().isEmpty()) {
      throw new IllegalArgumentException("units must name at least one unit");
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Judgement judgement = new Judgement();
    for (String name : p.units()) {
      Fact<Optional<UnitInfo>> unit = context.host().services().unit(name);
      if (!judgement.sees(name, unit)) {
        continue;
      }
      if (unit.value().isEmpty()) {
        judgement.saw(Evidence.of("missing-unit", name + " is not installed"));
        continue;
      }
      UnitInfo u = unit.value().get();
      if (u.enabled()) {
        return Outcome.pass(name + " is installed and " + u.state(),
            List.of(Evidence.atPath(u.fragment().toString(), "unit", name + " " + u.state())));
      }
      judgement.saw(Evidence.atPath(u.fragment().toString(), "unit-not-enabled", name + " is " + u.state()));
    }
    return judgement.noneSatisfied(unseen -> "could not read unit state: " + String.join("; ", unseen),
        () -> "none of " + String.join(", ", p.units()) + " is installed and enabled");
  }
}

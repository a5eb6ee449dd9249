package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.PendingUpdates;
import dev.imageprep.rules.model.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operating system's package updates are applied ({@code yum check-update} exits 100 when not). */
public final class PackageUpdatesCheck extends CheckTypeBase<PackageUpdatesCheck.Params> {

  /** @param listAtMost how many pending packages the evidence names */
  public record Params(Integer listAtMost) {
    public Params {
      listAtMost = listAtMost == null ? 20 : listAtMost;
    }
  }

  public PackageUpdatesCheck() {
    super("package-updates", "No operating-system package updates are pending", Params.class);
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<PendingUpdates> fact = context.host().updates().pending();
    if (!fact.isKnown()) {
      return Outcome.unknown("could not ask for pending updates", fact);
    }
    PendingUpdates u = fact.value();
    if (u.packages().isEmpty()) {
      return Outcome.pass("no updates pending (" + u.tool() + ")");
    }
    List<Evidence> evidence = new ArrayList<>();
    for (String pkg : u.packages().subList(0, Math.min(p.listAtMost(), u.packages().size()))) {
      evidence.add(Evidence.of("pending-update", pkg));
    }
    // the report promises only what its evidence holds: say how many of the pending updates it lists
    String listed = evidence.size() < u.packages().size() ? "; the first " + evidence.size() + " are listed" : "";
    Map<String, Object> data = new LinkedHashMap<>(); // Map.of's order would change from run to run
    data.put("pending", u.packages().size());
    data.put("tool", u.tool());
    return Outcome.fail(u.packages().size() + " package update(s) pending (" + u.tool() + ")" + listed, evidence)
        .withData(data);
  }
}

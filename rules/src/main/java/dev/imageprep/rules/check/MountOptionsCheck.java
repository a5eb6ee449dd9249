package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.MountEntry;
import dev.imageprep.rules.model.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * The mount that holds a path carries none of the forbidden options. A path with no mount of its own
 * inherits the options of the mount above it, as the kernel applies them.
 */
public final class MountOptionsCheck extends CheckTypeBase<MountOptionsCheck.Params> {

  public record Params(String path, List<String> forbidden) {
    public Params {
      path = path == null ? "/tmp" : path;
      forbidden = forbidden == null ? List.of("noexec") : List.copyOf(forbidden);
    }
  }

  public MountOptionsCheck() {
    super("mount-options", "The mount holding a path has none of the forbidden options (noexec on /tmp)", Params.class);
  }

  @Override
  public void validate(Params p) {
    ImagePath.of(p.path());
    if (p.forbidden().isEmpty()) {
      throw new IllegalArgumentException("forbidden must name at least one option");
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<List<MountEntry>> mounts = context.host().mounts().mounts();
    if (!mounts.isKnown()) {
      return Outcome.unknown("could not read the mount table", mounts);
    }
    ImagePath path = ImagePath.of(p.path());
    MountEntry best = null;
    for (MountEntry m : mounts.value()) {
      if (m.mountPoint().contains(path) && (best == null || m.mountPoint().depth() >= best.mountPoint().depth())) {
        best = m; // the last mount on the same point wins, as with stacked mounts
      }
    }
    if (best == null) {
      return Outcome.pass("no mount configuration covers " + path + ", so none of "
          + String.join(", ", p.forbidden()) + " applies to it");
    }
    List<String> bad = new ArrayList<>();
    for (String option : p.forbidden()) {
      if (best.hasOption(option)) {
        bad.add(option);
      }
    }
    String where = path + " is on " + best.mountPoint() + " (" + best.fsType() + ", " + best.origin() + ") with "
        + String.join(",", best.options());
    Evidence evidence = Evidence.atPath(best.mountPoint().toString(), "mount", where);
    Judgement judgement = bad.isEmpty() ? new Judgement().saw(evidence) : new Judgement().found(evidence);
    return judgement.data("mountPoint", best.mountPoint().toString()).data("options", best.options())
        .data("origin", best.origin())
        .toOutcome(found -> path + " is mounted " + String.join(",", bad),
            () -> path + " is not mounted " + String.join(" or ", p.forbidden()));
  }
}

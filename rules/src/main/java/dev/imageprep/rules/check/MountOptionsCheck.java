package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.MountEntry;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mount that holds a path carries none of the forbidden options. A path with no mount of its own
 * inherits the options of the mount above it, as the kernel applies them.
 */
public final class MountOptionsCheck implements CheckType<MountOptionsCheck.Params> {

  public record Params(String path, List<String> forbidden) {
    public Params {
      path = path == null ? "/tmp" : path;
      forbidden = forbidden == null ? List.of("noexec") : List.copyOf(forbidden);
    }
  }

  @Override
  public String key() {
    return "mount-options";
  }

  @Override
  public String summary() {
    return "The mount holding a path has none of the forbidden options (noexec on /tmp)";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
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
      return new Outcome(Status.PASS, "no mount configuration covers " + path + ", so none of "
          + String.join(", ", p.forbidden()) + " applies to it", List.of(), Map.of());
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
    Map<String, Object> data = Map.of("mountPoint", best.mountPoint().toString(), "options", best.options(),
        "origin", best.origin());
    if (!bad.isEmpty()) {
      return new Outcome(Status.FAIL, path + " is mounted " + String.join(",", bad), List.of(evidence), data);
    }
    return new Outcome(Status.PASS, path + " is not mounted " + String.join(" or ", p.forbidden()), List.of(evidence),
        data);
  }
}

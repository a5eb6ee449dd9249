package dev.imageprep.rules.check;

import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import java.util.List;
import java.util.Optional;

/** None of the named paths (patterns allowed) exists in the image. */
public final class PathsAbsentCheck extends CheckTypeBase<PathsAbsentCheck.Params> {

  /** @param what the noun for a found path in messages ("agent state", "reboot marker") */
  public record Params(List<String> paths, String what) {
    public Params {
      paths = paths == null ? List.of() : List.copyOf(paths);
      what = what == null ? "path" : what;
    }
  }

  public PathsAbsentCheck() {
    super("paths-absent", "None of the named paths exists", Params.class);
  }

  @Override
  public boolean resolvableByCleanup() {
    return true;
  }

  @Override
  public void validate(Params p) {
    if (p.paths().isEmpty()) {
      throw new IllegalArgumentException("paths must name at least one path");
    }
    p.paths().forEach(Glob::parse);
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Judgement judgement = new Judgement();
    for (String pattern : p.paths()) {
      for (ImagePath match : PatternMatches.expand(context.host().files(), pattern, judgement::unseen)) {
        Fact<Optional<FileInfo>> stat = context.host().files().stat(match);
        if (judgement.sees(match.toString(), stat) && stat.value().isPresent()) {
          judgement.found(Evidence.atPath(match.toString(), p.what().replace(' ', '-'),
              p.what() + " (" + stat.value().get().type().key() + ")"));
        }
      }
    }
    return judgement.toOutcome(found -> found.size() + " " + p.what() + "(s) present",
        unseen -> "could not look everywhere: " + String.join("; ", unseen),
        () -> "none present: " + String.join(", ", p.paths()));
  }
}

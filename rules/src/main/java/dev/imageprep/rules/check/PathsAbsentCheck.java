package dev.imageprep.rules.check;

import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.cleanup.GlobExpander;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** None of the named paths (patterns allowed) exists in the image. */
public final class PathsAbsentCheck implements CheckType<PathsAbsentCheck.Params> {

  /** @param what the noun for a found path in messages ("agent state", "reboot marker") */
  public record Params(List<String> paths, String what) {
    public Params {
      paths = paths == null ? List.of() : List.copyOf(paths);
      what = what == null ? "path" : what;
    }
  }

  @Override
  public String key() {
    return "paths-absent";
  }

  @Override
  public String summary() {
    return "None of the named paths exists";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
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
    GlobExpander expander = new GlobExpander(context.host().files());
    List<Evidence> found = new ArrayList<>();
    List<String> blind = new ArrayList<>();
    for (String pattern : p.paths()) {
      GlobExpander.Expansion expansion = expander.expand(Glob.parse(pattern));
      expansion.unreadable().forEach(u -> blind.add(u.directory() + ": " + u.reason()));
      for (ImagePath match : expansion.matches()) {
        Fact<Optional<FileInfo>> stat = context.host().files().stat(match);
        if (!stat.isKnown()) {
          blind.add(match + ": " + stat.reason());
        } else if (stat.value().isPresent()) {
          found.add(Evidence.atPath(match.toString(), p.what().replace(' ', '-'),
              p.what() + " (" + stat.value().get().type().key() + ")"));
        }
      }
    }
    if (!found.isEmpty()) {
      return new Outcome(Status.FAIL, found.size() + " " + p.what() + "(s) present", found, Map.of());
    }
    if (!blind.isEmpty()) {
      return new Outcome(Status.UNKNOWN, "could not look everywhere: " + String.join("; ", blind), List.of(), Map.of());
    }
    return Outcome.pass("none present: " + String.join(", ", p.paths()));
  }
}

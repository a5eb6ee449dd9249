package dev.imageprep.agent.stamp;

import dev.imageprep.agent.json.ReportJson;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.InstalledPackage;
import dev.imageprep.rules.host.OsRelease;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.ToolInfo;
import dev.imageprep.rules.model.VersionManifest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Puts a version manifest together from the tags given, the image's facts and an imageprep result. */
public final class Stamper {

  private final ToolInfo tool;
  private final Instant now;

  public Stamper(ToolInfo tool, Instant now) {
    this.tool = tool;
    this.now = now;
  }

  /**
   * @param tags the tags as given; they replace the previous stamp's tags of the same name, the others
   *     carry over; {@code Version} defaults to the previous stamp's plus one (when it was a whole
   *     number) or 1
   */
  public VersionManifest stamp(Map<String, String> tags, HostFacts facts, VersionManifest.Result result,
      Optional<VersionManifest> previous) {
    Map<String, String> given = new LinkedHashMap<>();
    previous.map(VersionManifest::tags).ifPresent(before -> before.forEach((k, v) -> {
      if (!k.equals("Version")) {
        given.put(k, v);
      }
    }));
    Map<String, String> fresh = ImageTags.normalize(tags);
    given.putAll(fresh);
    if (!fresh.containsKey("Version")) {
      given.put("Version", nextVersion(previous));
    }
    Fact<OsRelease> os = facts.os().release();
    List<VersionManifest.Earlier> history = new ArrayList<>();
    previous.ifPresent(p -> {
      history.add(new VersionManifest.Earlier(p.stampedAt(), p.tags() == null ? null : p.tags().get("Version"),
          p.result() == null ? null : p.result().verdict()));
      if (p.history() != null) {
        history.addAll(p.history());
      }
    });
    return new VersionManifest(VersionManifest.SCHEMA, now, tool, os.isKnown() ? os.value().prettyName() : null,
        ImageTags.normalize(given), result, software(facts),
        List.copyOf(history.subList(0, Math.min(VersionManifest.MAX_HISTORY, history.size()))));
  }

  static String nextVersion(Optional<VersionManifest> previous) {
    String last = previous.map(VersionManifest::tags).map(t -> t.get("Version")).orElse(null);
    if (last != null && last.matches("\\d{1,9}")) {
      return String.valueOf(Long.parseLong(last) + 1);
    }
    return "1";
  }

  private static VersionManifest.Software software(HostFacts facts) {
    Fact<PackageInventory> inv = facts.packages().installed();
    if (!inv.isKnown()) {
      return null;
    }
    List<VersionManifest.Package> pkgs = new ArrayList<>();
    for (InstalledPackage p : inv.value().byName().values()) {
      pkgs.add(new VersionManifest.Package(p.name(), p.version(), p.architecture()));
    }
    return new VersionManifest.Software(inv.value().managers(), pkgs);
  }

  /** The result of a check run just now, or of a report read back. */
  public static VersionManifest.Result fromReport(Report r, String source) {
    return new VersionManifest.Result(source, r.command(), r.host().profile(), r.verdict().label(), r.ready(),
        r.exitCode(), r.finishedAt(), r.summary(), r.blockedBy());
  }

  /**
   * The result recorded in an earlier JSON report ({@code --from-report}).
   *
   * @throws IOException when the text is not an imageprep report (v1 or v2)
   */
  public static VersionManifest.Result fromReportJson(String json, String source) throws IOException {
    return fromReport(ReportJson.read(json), source);
  }
}

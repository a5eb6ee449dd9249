package dev.imageprep.agent.report;

import dev.imageprep.agent.json.ReportJson;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The versioned JSON contract, {@code imageprep/report/v2}, validated by the schema in the repository.
 * An item with more than {@link CleanupGroups#JSON_SUMMARY_ABOVE} steps (a million files in {@code
 * /var/tmp}) is summarised as the text report does: one entry per outcome, with {@code count} paths
 * under their common directory and their exact bytes, after the first few it skipped or failed on,
 * listed one by one. {@code --verbose} lists every step, streamed.
 */
public final class JsonReportWriter implements ReportWriter {

  /** Steps of a summarised item that are still listed one by one when they were skipped or failed. */
  static final int LISTED_PROBLEMS = 20;

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String fileExtension() {
    return "json";
  }

  @Override
  public void write(Report report, Writer out, RenderOptions options) throws IOException {
    List<CleanupGroups.Group> groups = CleanupGroups.of(report.cleanup());
    boolean summarise = !options.verbose() && groups.stream().anyMatch(g -> g.count() > CleanupGroups.JSON_SUMMARY_ABOVE);
    if (!summarise) {
      ReportJson.write(report, out);
    } else {
      List<PlannedStep> shown = new ArrayList<>();
      Map<Integer, Long> counts = new HashMap<>();
      for (CleanupGroups.Group g : groups) {
        if (g.count() <= CleanupGroups.JSON_SUMMARY_ABOVE) {
          g.steps(report.cleanup()).forEach(shown::add);
          continue;
        }
        summarise(report.cleanup(), g, shown, counts);
      }
      Report small = new Report(report.schema(), report.tool(), report.command(), report.startedAt(),
          report.finishedAt(), report.host(), report.ready(), report.verdict(), report.failOn(), report.summary(),
          report.notes(), report.checks(), report.preflight(), shown);
      ReportJson.write(small, counts, out);
    }
    out.write("\n");
    out.flush();
  }

  /** The first problems of a large item one by one, then one entry per outcome for the rest. */
  private static void summarise(List<PlannedStep> all, CleanupGroups.Group g, List<PlannedStep> shown,
      Map<Integer, Long> counts) {
    long[] listed = new long[CleanupStatus.values().length];
    long[] listedBytes = new long[CleanupStatus.values().length];
    int problems = 0;
    for (PlannedStep s : g.steps(all)) {
      boolean problem = s.status() == CleanupStatus.FAILED || s.status() == CleanupStatus.SKIPPED;
      if (problem && problems < LISTED_PROBLEMS) {
        shown.add(s);
        problems++;
        listed[s.status().ordinal()]++;
        listedBytes[s.status().ordinal()] += Math.max(0, s.bytes());
      }
    }
    for (CleanupStatus status : CleanupStatus.values()) {
      long n = g.count(status) - listed[status.ordinal()];
      if (n <= 0) {
        continue;
      }
      long bytes = g.bytes(status) - listedBytes[status.ordinal()];
      if (n == 1) {
        for (PlannedStep s : g.steps(all)) {
          if (s.status() == status && !shown.contains(s)) {
            shown.add(s);
            break;
          }
        }
        continue;
      }
      counts.put(shown.size(), n);
      shown.add(new PlannedStep(g.id, g.action(), g.commonParent(), null, g.type(), bytes, null, status,
          n + " paths of " + g.id + " under " + g.commonParent() + " (--verbose lists them)"));
    }
  }
}

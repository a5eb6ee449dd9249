package dev.imageprep.agent.report;

import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report for a person at a terminal: what was judged, each problem with its evidence and its
 * fix, the cleanup plan or what was done, and a last line that says READY or why not.
 */
public final class TextReportWriter implements ReportWriter {

  private static final int MAX_EVIDENCE = 12;
  private static final int MAX_STEPS_SHOWN = 200;
  private static final int GROUP_ABOVE = 12;

  @Override
  public String name() {
    return "text";
  }

  @Override
  public String fileExtension() {
    return "txt";
  }

  @Override
  public void write(Report r, Writer writer, RenderOptions options) throws IOException {
    PrintWriter out = new PrintWriter(writer);
    Ansi a = new Ansi(options.color());
    out.printf(Locale.ROOT, "imageprep %s %s · profile %s%s%n", e(r.tool().version()), e(r.command()), e(r.host().profile()),
        r.host().profileReason() == null ? "" : " (" + e(r.host().profileReason()) + ")");
    out.printf(Locale.ROOT, "%s %s%s%n", r.host().offline() ? "image at" : "host", e(r.host().offline() ? r.host().root()
        : (r.host().hostname() == null ? "/" : r.host().hostname())), r.host().os() == null ? "" : " · " + e(r.host().os()));
    for (String note : r.notes()) {
      out.println("note: " + e(note));
    }
    if (r.preflight() != null) {
      out.println();
      out.println(a.bold("Before cleanup"));
      checks(out, a, r.preflight(), options);
    }
    if (!r.checks().isEmpty()) {
      out.println();
      out.println(a.bold(r.preflight() != null ? "After cleanup (verify)" : "Checks"));
      checks(out, a, r.checks(), options);
    }
    if (!r.cleanup().isEmpty() || r.command().equals("clean")) {
      out.println();
      cleanup(out, a, r, options);
    }
    out.println();
    out.println(VerdictLine.of(r, a::verdict));
    out.flush();
    if (out.checkError()) {
      // PrintWriter keeps write errors to itself: a full disk must not pass for a written report
      throw new IOException("the report could not be written (disk full, or the reader went away)");
    }
  }

  private static void checks(PrintWriter out, Ansi a, List<CheckResult> results, RenderOptions options) {
    for (CheckResult c : results) {
      out.printf(Locale.ROOT, "  %s  %-28s %s%n", a.status(c.status()), e(c.id()), e(c.title()));
      out.printf(Locale.ROOT, "        %s%n", e(c.message()));
      boolean problem = c.status() != Status.PASS && c.status() != Status.SKIPPED;
      if (problem || options.verbose()) {
        int shown = 0;
        for (Evidence e : c.evidence()) {
          if (shown++ == MAX_EVIDENCE && !options.verbose()) {
            out.printf(Locale.ROOT, "        … and %d more (--verbose or --format json lists them)%n",
                c.evidence().size() - MAX_EVIDENCE);
            break;
          }
          out.printf(Locale.ROOT, "        - %s%n", TextLines.evidence(e));
        }
      }
      if (TextLines.showsFix(c)) {
        out.printf(Locale.ROOT, "        fix: %s%n", e(c.remediation()));
      }
    }
  }

  private static void cleanup(PrintWriter out, Ansi a, Report r, RenderOptions options) {
    List<PlannedStep> steps = r.cleanup();
    boolean planned = r.summary().cleanupPlanned() > 0;
    out.println(a.bold(r.command().equals("check") ? "Cleanup plan (what clean or prepare would do)"
        : planned ? "Cleanup plan" : "Cleanup"));
    if (steps.isEmpty()) {
      out.println("  nothing to clean");
      return;
    }
    // check only previews the plan: one line per large item keeps the verdict on screen;
    // clean --dry-run and --verbose list every path, since that list is what they are for
    boolean group = r.command().equals("check") && !options.verbose();
    int shown = 0;
    long listed = 0; // steps that had a line to themselves or in a group's line
    boolean more = false;
    boolean summarisedInJson = false;
    for (CleanupGroups.Group item : CleanupGroups.of(steps)) {
      summarisedInJson |= item.count() > CleanupGroups.JSON_SUMMARY_ABOVE;
      if (group && item.count() > GROUP_ABOVE) {
        out.printf(Locale.ROOT, "  %-8s %-17s %-9s %d paths of %s under %s (--verbose lists them)%n", a.cleanup(item.worst()),
            item.action().key(), Bytes.human(item.bytes()), item.count(), e(item.id), e(item.commonParent()));
        listed += item.count();
        continue;
      }
      for (PlannedStep s : item.steps(steps)) {
        if (shown >= MAX_STEPS_SHOWN && !options.verbose()) {
          more = true;
          break;
        }
        shown++;
        listed++;
        String size = s.bytes() > 0 ? Bytes.human(s.bytes()) : "";
        out.printf(Locale.ROOT, "  %-8s %-17s %-9s %s%s%n", a.cleanup(s.status()), s.action().key(), size, e(s.path()),
            s.reason() == null ? "" : "  (" + e(s.reason()) + ")");
      }
    }
    if (more) {
      // the JSON report lists them too, unless it summarises an item too large to list (see JsonReportWriter)
      out.printf(Locale.ROOT, "  … and %d more steps (%s lists them)%n", steps.size() - listed,
          summarisedInJson ? "--verbose" : "--verbose or --format json");
    }
    var sum = r.summary();
    out.printf(Locale.ROOT, "  %d planned, %d done, %d skipped, %d failed · %s%n", sum.cleanupPlanned(), sum.cleanupDone(),
        sum.cleanupSkipped(), sum.cleanupFailed(), Bytes.human(sum.cleanupBytes()));
  }

  /** Every value from the report reaches the terminal through the one escaping function. */
  private static String e(Object value) {
    return TerminalText.escape(String.valueOf(value));
  }

  /** ANSI styling that turns itself off. */
  private record Ansi(boolean on) {
    String wrap(String code, String s) {
      return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    String bold(String s) {
      return wrap("1", s);
    }

    String red(String s) {
      return wrap("1;31", s);
    }

    String green(String s) {
      return wrap("1;32", s);
    }

    String yellow(String s) {
      return wrap("1;33", s);
    }

    String verdict(String label) {
      return switch (label) {
        case "READY", "DONE" -> green(label);
        case "INCOMPLETE", "PLANNED" -> yellow(label);
        default -> red(label);
      };
    }

    String status(Status st) {
      String label = String.format(Locale.ROOT, "%-7s", TextLines.statusLabel(st));
      return switch (st) {
        case PASS -> green(label);
        case FAIL -> red(label);
        case WARN, UNKNOWN, RESOLVED_BY_CLEANUP -> yellow(label);
        case SKIPPED -> wrap("2", label);
      };
    }

    String cleanup(CleanupStatus st) {
      String label = String.format(Locale.ROOT, "%-8s", st.key());
      return switch (st) {
        case DONE -> green(label);
        case FAILED -> red(label);
        case SKIPPED -> yellow(label);
        case PLANNED -> label;
      };
    }
  }
}

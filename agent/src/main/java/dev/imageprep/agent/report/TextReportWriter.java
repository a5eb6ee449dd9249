package dev.imageprep.agent.report;

import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.CleanupStatus;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

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
    out.printf("imageprep %s %s · profile %s%s%n", e(r.tool().version()), e(r.command()), e(r.host().profile()),
        r.host().profileReason() == null ? "" : " (" + e(r.host().profileReason()) + ")");
    out.printf("%s %s%s%n", r.host().offline() ? "image at" : "host", e(r.host().offline() ? r.host().root()
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
    out.println(verdictLine(r, a));
    out.flush();
  }

  private static void checks(PrintWriter out, Ansi a, List<CheckResult> results, RenderOptions options) {
    for (CheckResult c : results) {
      out.printf("  %s  %-28s %s%n", a.status(c.status()), e(c.id()), e(c.title()));
      out.printf("        %s%n", e(c.message()));
      boolean problem = c.status() != Status.PASS && c.status() != Status.SKIPPED;
      if (problem || options.verbose()) {
        int shown = 0;
        for (Evidence e : c.evidence()) {
          if (shown++ == MAX_EVIDENCE) {
            out.printf("        … and %d more (see --format json)%n", c.evidence().size() - MAX_EVIDENCE);
            break;
          }
          out.printf("        - %s%n", TextLines.evidence(e));
        }
      }
      if (problem && c.resolvedBy().isEmpty() && c.remediation() != null && !c.remediation().isEmpty()) {
        out.printf("        fix: %s%n", e(c.remediation()));
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
    for (CleanupGroups.Group item : CleanupGroups.of(steps)) {
      if (group && item.count() > GROUP_ABOVE) {
        out.printf("  %-8s %-17s %-9s %d paths of %s under %s (--verbose lists them)%n", a.cleanup(item.worst()),
            item.action().key(), Bytes.human(item.bytes()), item.count(), e(item.id), e(item.commonParent()));
        continue;
      }
      for (PlannedStep s : item.steps(steps)) {
        if (shown++ == MAX_STEPS_SHOWN) {
          out.printf("  … and more steps (see --format json)%n");
          break;
        }
        String size = s.bytes() > 0 ? Bytes.human(s.bytes()) : "";
        out.printf("  %-8s %-17s %-9s %s%s%n", a.cleanup(s.status()), s.action().key(), size, e(s.path()),
            s.reason() == null ? "" : "  (" + e(s.reason()) + ")");
      }
    }
    var sum = r.summary();
    out.printf("  %d planned, %d done, %d skipped, %d failed · %s%n", sum.cleanupPlanned(), sum.cleanupDone(),
        sum.cleanupSkipped(), sum.cleanupFailed(), Bytes.human(sum.cleanupBytes()));
  }

  /** Every value from the report reaches the terminal through the one escaping function. */
  private static String e(Object value) {
    return TerminalText.escape(String.valueOf(value));
  }

  private static String verdictLine(Report r, Ansi a) {
    var s = r.summary();
    String counts = String.format(Locale.ROOT, "%d pass, %d fail, %d warn, %d unknown, %d skipped", s.pass(), s.fail(),
        s.warn(), s.unknown(), s.skipped());
    String verdict = r.verdict();
    String colored = switch (verdict) {
      case "READY", "DONE" -> a.green(verdict);
      case "INCOMPLETE" -> a.yellow(verdict);
      default -> a.red(verdict);
    };
    StringBuilder sb = new StringBuilder(colored);
    if (!r.ready() && !r.checks().isEmpty()) {
      List<String> blocking = r.checks().stream().filter(CheckResult::blocksReadiness).map(CheckResult::id).toList();
      if (!blocking.isEmpty()) {
        sb.append(" — blocked by ").append(e(String.join(", ", blocking)));
      }
    }
    sb.append(" · ").append(counts).append(" · exit ").append(r.exitCode());
    return sb.toString();
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

    String status(Status st) {
      String label = String.format(Locale.ROOT, "%-7s", st.key().toUpperCase(Locale.ROOT));
      return switch (st) {
        case PASS -> green(label);
        case FAIL -> red(label);
        case WARN, UNKNOWN -> yellow(label);
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

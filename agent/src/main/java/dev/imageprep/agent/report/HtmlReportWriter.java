package dev.imageprep.agent.report;

import static dev.imageprep.agent.report.Html.esc;

import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.model.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page for the person who decides whether to capture the
 * image: READY / NOT READY and what blocks it at the top, pictures where numbers need a scale (root
 * volume against its limit, profile size against 10 GB and its largest folders, findings per
 * category, the cleanup by size), then every check with its evidence and fix, and the cleanup step
 * by step. CSS is inlined, pictures are inline SVG, there is no script, and a Content-Security-Policy
 * forbids every fetch; every value from the report is escaped.
 */
public final class HtmlReportWriter implements ReportWriter {

  private static final String CSS = resource("report.css");
  private static final int EVIDENCE_SHOWN = 6;
  private static final int STEPS_LISTED = 500;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public String name() {
    return "html";
  }

  @Override
  public String fileExtension() {
    return "html";
  }

  @Override
  public void write(Report r, Writer out, RenderOptions options) throws IOException {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n")
        .append("<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<meta name='viewport' content='width=device-width, initial-scale=1'>\n")
        .append("<title>").append(esc(r.verdict().label() + " · imageprep " + r.command() + " · " + r.host().profile()))
        .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    verdict(h, r);
    glance(h, r);
    if (r.preflight() != null) {
      checks(h, "Before cleanup", "preflight", r.preflight());
    }
    if (!r.checks().isEmpty()) {
      checks(h, r.preflight() != null ? "After cleanup (verify)" : "Checks", "checks", r.checks());
    }
    cleanup(h, r);
    footer(h, r);
    h.append("</body>\n</html>\n");
    out.write(h.toString());
    out.flush();
  }

  private static void verdict(StringBuilder h, Report r) {
    String tone = switch (r.verdict()) {
      case READY, DONE -> "ready";
      case PLANNED -> "planned";
      case INCOMPLETE -> "incomplete";
      case NOT_READY -> "not-ready";
    };
    h.append("<header class='verdict ").append(tone).append("'>\n<h1 id='verdict'>").append(esc(r.verdict().label()))
        .append("</h1>\n<p class='headline'>").append(esc(headline(r))).append("</p>\n<p class='meta'>")
        .append(esc("imageprep " + r.tool().version() + " " + r.command() + " · profile " + r.host().profile()))
        .append(r.host().profileReason() == null ? "" : " (" + esc(r.host().profileReason()) + ")")
        .append("<br>").append(esc(where(r))).append(" · ").append(esc(WHEN.format(r.startedAt())))
        .append(" · exit ").append(r.exitCode()).append("</p>\n");
    List<CheckResult> blocking = r.checks().stream().filter(r::blocks).toList();
    if (!blocking.isEmpty()) {
      h.append("<ol class='blocking'>\n");
      for (CheckResult c : blocking) {
        h.append("<li><a href='#check-").append(esc(c.id())).append("'><b>").append(esc(c.title())).append("</b></a> ")
            .append(badge(c.status())).append("<br>").append(esc(c.message()));
        if (TextLines.showsFix(c)) {
          h.append("<br><span class='fix'>Fix: ").append(esc(c.remediation().strip())).append("</span>");
        }
        h.append("</li>\n");
      }
      h.append("</ol>\n");
    }
    for (String note : r.notes()) {
      h.append("<p class='note'>").append(esc(note)).append("</p>\n");
    }
    h.append("</header>\n");
  }

  private static String headline(Report r) {
    Summary s = r.summary();
    return switch (r.verdict()) {
      case READY -> "Nothing blocks capturing this image.";
      case NOT_READY -> notReady(s);
      case DONE -> "The cleanup finished: " + s.cleanupDone() + " steps done, " + Bytes.human(s.cleanupBytes()) + ".";
      case PLANNED -> "Dry run: nothing was changed. " + s.cleanupPlanned() + " steps are planned ("
          + Bytes.human(s.cleanupBytes()) + ").";
      case INCOMPLETE -> "The run did not finish: " + s.cleanupFailed() + " steps failed; run it again to complete.";
    };
  }

  private static String notReady(Summary s) {
    String awaiting = s.resolvedByCleanup() == 0 ? ""
        : s.resolvedByCleanup() + (s.resolvedByCleanup() == 1 ? " check finds" : " checks find")
            + " only what the cleanup removes.";
    if (s.blocking() == 0) {
      return awaiting.isEmpty() ? "The cleanup did not run or did not finish." : awaiting + " Nothing else blocks.";
    }
    return s.blocking() + (s.blocking() == 1 ? " check blocks" : " checks block") + " capturing this image."
        + (awaiting.isEmpty() ? "" : " " + awaiting);
  }

  private static String where(Report r) {
    String place = r.host().offline() ? "image mounted at " + r.host().root()
        : "host " + (r.host().hostname() == null ? r.host().root() : r.host().hostname());
    return place + (r.host().os() == null ? "" : " · " + r.host().os());
  }

  /** The pictures, each only when the report has the data for it. */
  private static void glance(StringBuilder h, Report r) {
    List<String> figures = new ArrayList<>();
    if (!r.checks().isEmpty()) {
      Summary s = r.summary();
      figures.add(figure("Check results", SvgCharts.stacked("Check results by status", List.of(
          new SvgCharts.Part("pass", s.pass(), "pass"), new SvgCharts.Part("fail", s.fail(), "fail"),
          new SvgCharts.Part("warn", s.warn(), "warn"), new SvgCharts.Part("unknown", s.unknown(), "unknown"),
          new SvgCharts.Part("skipped", s.skipped(), "skipped"),
          new SvgCharts.Part("resolved by cleanup", s.resolvedByCleanup(), "resolved-by-cleanup")))));
    }
    for (CheckResult c : r.checks()) {
      DataFigures.volume(c).ifPresent(figures::add);
      DataFigures.profile(c).ifPresent(figures::add);
    }
    DataFigures.findings(r.checks()).ifPresent(figures::add);
    DataFigures.cleanupBySize(r.cleanup()).ifPresent(figures::add);
    if (figures.isEmpty()) {
      return;
    }
    h.append("<section class='glance' aria-label='At a glance'>\n");
    figures.forEach(f -> h.append(f).append('\n'));
    h.append("</section>\n");
  }

  static String figure(String caption, String svg) {
    return "<figure><figcaption>" + esc(caption) + "</figcaption>" + svg + "</figure>";
  }

  private static void checks(StringBuilder h, String heading, String anchor, List<CheckResult> results) {
    h.append("<section id='").append(anchor).append("'>\n<h2>").append(esc(heading)).append("</h2>\n")
        .append("<table class='checks'>\n<thead><tr><th>Status</th><th>Check</th><th>Result and evidence</th>")
        .append("<th>Fix</th></tr></thead>\n<tbody>\n");
    for (CheckResult c : results) {
      String id = anchor.equals("checks") ? " id='check-" + esc(c.id()) + "'" : "";
      h.append("<tr class='").append(c.status().key()).append("'").append(id).append(">")
          .append("<td>").append(badge(c.status())).append("</td>")
          .append("<td><b>").append(esc(c.title())).append("</b><br><code>").append(esc(c.id())).append("</code>")
          .append(" <span class='severity'>").append(esc(c.severity().key())).append("</span>")
          .append(" <span class='category'>").append(esc(CheckCategories.of(c))).append("</span></td>")
          .append("<td>").append(esc(c.message()));
      evidence(h, c.evidence());
      h.append("</td><td>");
      if (!c.resolvedBy().isEmpty()) {
        h.append("<span class='resolved'>Removed by cleanup ").append(esc(String.join(", ", c.resolvedBy())))
            .append("</span>");
      } else if (TextLines.showsFix(c)) {
        h.append(esc(c.remediation().strip()));
      }
      h.append("<div class='source'>Source: ").append(esc(c.source())).append("</div></td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void evidence(StringBuilder h, List<Evidence> evidence) {
    if (evidence.isEmpty()) {
      return;
    }
    h.append("<ul class='evidence'>");
    for (int i = 0; i < evidence.size(); i++) {
      if (i == EVIDENCE_SHOWN) {
        h.append("</ul><details><summary>").append(evidence.size() - EVIDENCE_SHOWN).append(" more</summary>")
            .append("<ul class='evidence'>");
      }
      Evidence e = evidence.get(i);
      h.append("<li>");
      if (e.path() != null) {
        h.append("<code>").append(esc(e.path())).append(e.line() == null ? "" : ":" + e.line()).append("</code> ");
      }
      h.append(esc(e.detail()));
      if (e.removedBy() != null) {
        h.append(" <span class='resolved'>removed by ").append(esc(e.removedBy())).append("</span>");
      }
      h.append("</li>");
    }
    h.append(evidence.size() > EVIDENCE_SHOWN ? "</ul></details>" : "</ul>");
  }

  private static void cleanup(StringBuilder h, Report r) {
    if (r.cleanup().isEmpty() && !r.command().equals("clean")) {
      return;
    }
    boolean preview = r.summary().cleanupPlanned() == r.cleanup().size();
    String heading = r.command().equals("check") ? "Cleanup plan (what clean or prepare would do)"
        : preview ? "Cleanup plan" : "Cleanup";
    Summary s = r.summary();
    h.append("<section id='cleanup'>\n<h2>").append(esc(heading)).append("</h2>\n<p>")
        .append(esc(String.format(Locale.ROOT, "%d planned, %d done, %d skipped, %d failed · %s", s.cleanupPlanned(),
            s.cleanupDone(), s.cleanupSkipped(), s.cleanupFailed(), Bytes.human(s.cleanupBytes()))))
        .append("</p>\n");
    if (r.cleanup().isEmpty()) {
      h.append("<p>Nothing to clean.</p>\n</section>\n");
      return;
    }
    h.append("<table class='cleanup'>\n<thead><tr><th>Item</th><th>Action</th><th>Steps</th><th>Size</th>")
        .append("<th>Outcome</th></tr></thead>\n<tbody>\n");
    int listed = 0;
    for (CleanupGroups.Group item : CleanupGroups.of(r.cleanup())) {
      h.append("<tr class='item ").append(item.worst().key()).append("'><td><code>").append(esc(item.id))
          .append("</code></td><td>").append(esc(item.action().key())).append("</td><td>")
          .append(item.count()).append("</td><td class='num'>").append(esc(Bytes.human(item.bytes())))
          .append("</td><td>").append(outcomes(item));
      h.append("<details><summary>paths</summary><ul class='steps'>");
      for (PlannedStep st : item.steps(r.cleanup())) {
        if (listed++ >= STEPS_LISTED) {
          h.append("<li>… more in the JSON report</li>");
          break;
        }
        h.append("<li class='").append(st.status().key()).append("'><span class='step-status'>")
            .append(esc(st.status().key())).append("</span> <code>").append(esc(st.path())).append("</code> ")
            .append(st.bytes() > 0 ? esc(Bytes.human(st.bytes())) : "")
            .append(st.reason() == null ? "" : " <i>" + esc(st.reason()) + "</i>").append("</li>");
      }
      h.append("</ul></details></td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static String outcomes(CleanupGroups.Group item) {
    List<String> parts = new ArrayList<>();
    for (CleanupStatus status : CleanupStatus.values()) {
      if (item.count(status) > 0) {
        parts.add("<span class='pill " + status.key() + "'>" + item.count(status) + " " + esc(status.key())
            + "</span>");
      }
    }
    return String.join(" ", parts);
  }

  private static void footer(StringBuilder h, Report r) {
    h.append("<footer>").append(esc(r.schema())).append(" · started ").append(esc(WHEN.format(r.startedAt())))
        .append(" · finished ").append(esc(WHEN.format(r.finishedAt()))).append(" · paths are as seen inside the image")
        .append("</footer>\n");
  }

  static String badge(Status s) {
    return "<span class='badge " + s.key() + "'>" + esc(TextLines.statusLabel(s)) + "</span>";
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.imageprep.agent.report;

import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Status;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML for CI servers (Jenkins' junit step, GitLab's {@code artifacts:reports:junit}), valid
 * against Jenkins' {@code junit-4.xsd}. One test case per check; a case fails exactly when the check
 * blocks readiness, so the CI's red/green agrees with the exit code:
 *
 * <ul>
 *   <li>error-level {@code fail} → {@code <failure>}; error-level {@code unknown} → {@code <error>}
 *       (the check could not see, which never passes);
 *   <li>{@code skipped} → {@code <skipped>} with the reason as its text (the XSD allows no attribute);
 *   <li>{@code warn}, and {@code unknown} below error level, pass with a {@code WARNING} line in
 *       {@code <system-out>}, where both CI servers show it.
 * </ul>
 *
 * <p>{@code clean} and {@code prepare} add a suite with one case per cleanup item: a failed step
 * fails it, and steps an interruption left undone make it an error.
 */
public final class JunitReportWriter implements ReportWriter {

  private static final int MAX_EVIDENCE = 50;
  private static final int MAX_STEP_LINES = 200;

  @Override
  public String name() {
    return "junit";
  }

  @Override
  public String fileExtension() {
    return "xml";
  }

  @Override
  public void write(Report report, Writer out, RenderOptions options) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      new Document(x, report).write();
      x.flush();
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException("could not write JUnit XML: " + e.getMessage(), e);
    }
  }

  /** One report being written; keeps the indentation and the counts. */
  private static final class Document {
    private final XMLStreamWriter x;
    private final Report r;
    private final String classname;

    Document(XMLStreamWriter x, Report r) {
      this.x = x;
      this.r = r;
      this.classname = "imageprep." + r.host().profile();
    }

    void write() throws XMLStreamException {
      x.writeStartDocument("UTF-8", "1.0");
      newline(0);
      List<Case> checks = r.checks().stream().map(this::checkCase).toList();
      List<Case> cleanup = r.command().equals("check") ? List.of() : cleanupCases();
      List<Case> all = new ArrayList<>(checks);
      all.addAll(cleanup);
      x.writeStartElement("testsuites");
      attr("name", "imageprep " + r.command() + " " + r.host().profile());
      attr("tests", all.size());
      attr("failures", count(all, Kind.FAILURE));
      attr("errors", count(all, Kind.ERROR));
      attr("time", seconds());
      String checksSuite = r.command().equals("prepare") && r.preflight() != null ? "verify" : "checks";
      if (!r.checks().isEmpty() || cleanup.isEmpty()) {
        suite(checksSuite, checks, true);
      }
      if (!cleanup.isEmpty()) {
        suite("cleanup", cleanup, r.checks().isEmpty());
      }
      newline(0);
      x.writeEndElement();
      newline(0);
      x.writeEndDocument();
    }

    private void suite(String name, List<Case> cases, boolean withProperties) throws XMLStreamException {
      newline(1);
      x.writeStartElement("testsuite");
      attr("name", "imageprep." + name);
      attr("package", "imageprep");
      attr("tests", cases.size());
      attr("failures", count(cases, Kind.FAILURE));
      attr("errors", count(cases, Kind.ERROR));
      attr("skipped", count(cases, Kind.SKIPPED));
      attr("time", seconds());
      attr("timestamp", LocalDateTime.ofInstant(r.startedAt().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)
          .toString());
      if (r.host().hostname() != null) {
        attr("hostname", r.host().hostname());
      }
      if (withProperties) {
        properties();
      }
      for (Case c : cases) {
        c.write(this);
      }
      if (withProperties && !r.notes().isEmpty()) {
        newline(2);
        x.writeStartElement("system-out");
        text(String.join("\n", r.notes().stream().map(TerminalText::escape).toList()));
        x.writeEndElement();
      }
      newline(1);
      x.writeEndElement();
    }

    private void properties() throws XMLStreamException {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("imageprep.version", r.tool().version());
      p.put("command", r.command());
      p.put("profile", r.host().profile());
      p.put("root", r.host().root());
      p.put("offline", String.valueOf(r.host().offline()));
      if (r.host().os() != null) {
        p.put("os", r.host().os());
      }
      p.put("verdict", r.verdict().label());
      p.put("failOn", r.failOn().key());
      p.put("ready", String.valueOf(r.ready()));
      p.put("exitCode", String.valueOf(r.exitCode()));
      p.put("startedAt", r.startedAt().toString());
      newline(2);
      x.writeStartElement("properties");
      for (Map.Entry<String, String> e : p.entrySet()) {
        newline(3);
        x.writeEmptyElement("property");
        attr("name", e.getKey());
        attr("value", e.getValue());
      }
      newline(2);
      x.writeEndElement();
    }

    private Case checkCase(CheckResult c) {
      StringBuilder body = new StringBuilder();
      int shown = 0;
      for (Evidence e : c.evidence()) {
        if (shown++ == MAX_EVIDENCE) {
          body.append("… and ").append(c.evidence().size() - MAX_EVIDENCE).append(" more (see the JSON report)\n");
          break;
        }
        body.append(TextLines.evidence(e)).append('\n');
      }
      if (TextLines.showsFix(c)) {
        body.append("fix: ").append(TerminalText.escape(c.remediation().strip())).append('\n');
      }
      body.append("source: ").append(TerminalText.escape(c.source()));
      String name = c.id() + ": " + c.title();
      if (c.status() == Status.SKIPPED) {
        return new Case(name, Kind.SKIPPED, "skipped", TerminalText.escape(c.message()), "");
      }
      if (r.blocks(c)) {
        Kind kind = c.status() == Status.UNKNOWN ? Kind.ERROR : Kind.FAILURE;
        return new Case(name, kind, c.status().key(), c.message(), body.toString());
      }
      if (c.awaitsCleanup()) {
        // not ready until the cleanup ran, but nothing to fix by hand: its own failure type says so
        return new Case(name, Kind.FAILURE, c.status().key(), c.message() + " (imageprep prepare removes it)",
            body.toString());
      }
      boolean notable = c.status() == Status.WARN || c.status() == Status.UNKNOWN;
      String out = notable ? String.format(Locale.ROOT, "WARNING (%s, severity %s, does not block): %s%n%s",
          c.status().key(), c.severity().key(), TerminalText.escape(c.message()), body)
          : TerminalText.escape(c.message()) + "\n" + body;
      return new Case(name, Kind.PASSED, null, null, out);
    }

    private List<Case> cleanupCases() {
      boolean incomplete = r.verdict() == dev.imageprep.rules.model.Verdict.INCOMPLETE;
      List<Case> cases = new ArrayList<>();
      for (CleanupGroups.Group item : CleanupGroups.of(r.cleanup())) {
        StringBuilder body = new StringBuilder();
        int shown = 0;
        for (PlannedStep s : item.steps(r.cleanup())) {
          if (shown++ == MAX_STEP_LINES) {
            body.append("… and ").append(item.count() - MAX_STEP_LINES).append(" more (see the JSON report)\n");
            break;
          }
          body.append(TextLines.step(s)).append('\n');
        }
        long failed = item.count(CleanupStatus.FAILED);
        long notDone = item.count(CleanupStatus.SKIPPED);
        String name = "cleanup " + item.id;
        if (failed > 0) {
          cases.add(new Case(name, Kind.FAILURE, "failed", failed + " of " + item.count() + " steps failed",
              body.toString()));
        } else if (incomplete && notDone > 0) {
          cases.add(new Case(name, Kind.ERROR, "incomplete", notDone + " of " + item.count()
              + " steps not done: the run stopped early", body.toString()));
        } else {
          cases.add(new Case(name, Kind.PASSED, null, null, body.toString()));
        }
      }
      return cases;
    }

    private String seconds() {
      Duration d = Duration.between(r.startedAt(), r.finishedAt());
      return String.format(Locale.ROOT, "%.3f", Math.max(0, d.toMillis()) / 1000.0);
    }

    void attr(String name, Object value) throws XMLStreamException {
      x.writeAttribute(name, XmlText.clean(String.valueOf(value)));
    }

    /** A text body whose parts are escaped already; its own line breaks stay. */
    void text(String value) throws XMLStreamException {
      x.writeCharacters(XmlText.xmlSafe(value));
    }

    void newline(int depth) throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static long count(List<Case> cases, Kind kind) {
      return cases.stream().filter(c -> c.kind == kind).count();
    }

    private enum Kind { PASSED, FAILURE, ERROR, SKIPPED }

    /** One test case: the element order is the XSD's (skipped, error, failure, system-out). */
    private record Case(String name, Kind kind, String type, String message, String body) {
      void write(Document d) throws XMLStreamException {
        XMLStreamWriter x = d.x;
        d.newline(2);
        x.writeStartElement("testcase");
        d.attr("name", name);
        d.attr("classname", d.classname);
        switch (kind) {
          case SKIPPED -> {
            d.newline(3);
            x.writeStartElement("skipped");
            d.text(message);
            x.writeEndElement();
          }
          case ERROR, FAILURE -> {
            d.newline(3);
            x.writeStartElement(kind == Kind.ERROR ? "error" : "failure");
            d.attr("type", type);
            d.attr("message", message);
            d.text(body);
            x.writeEndElement();
          }
          case PASSED -> {
            if (!body.isBlank()) {
              d.newline(3);
              x.writeStartElement("system-out");
              d.text(body);
              x.writeEndElement();
            }
          }
        }
        d.newline(2);
        x.writeEndElement();
      }
    }
  }
}

package dev.imageprep.agent.cli;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.report.RenderOptions;
import dev.imageprep.agent.report.ReportWriter;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.report.VerdictLine;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.select.NearestNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where one run's report goes, decided from --format, -o and -q before the run starts (so a bad
 * combination costs nothing and changes nothing), then written once per format from the one report.
 *
 * <ul>
 *   <li>one format, no -o: the report on stdout (-q: only the verdict line);
 *   <li>one format, one -o: that file;
 *   <li>several formats: as many -o as formats, paired in order, or one stem without a format's
 *       extension ({@code -o out/report} → {@code out/report.json}, {@code out/report.html});
 *       anything else is ambiguous and exit 2.
 * </ul>
 */
final class ReportOutput {

  /** One report to write: a format and its file, or stdout when {@code file} is null. */
  record Destination(ReportWriter writer, OutputFile file) {}

  private final AgentEnvironment env;
  private final List<Destination> destinations;
  private final boolean verbose;
  private final boolean quiet;

  private ReportOutput(AgentEnvironment env, List<Destination> destinations, boolean verbose, boolean quiet) {
    this.env = env;
    this.destinations = List.copyOf(destinations);
    this.verbose = verbose;
    this.quiet = quiet;
  }

  static ReportOutput plan(AgentEnvironment env, ReportWriters writers, OutputOptions options) {
    List<ReportWriter> formats = formats(writers, options.formats);
    List<String> outputs = options.outputs;
    List<Destination> out = new ArrayList<>();
    if (outputs.isEmpty()) {
      if (formats.size() > 1) {
        throw AgentException.usage("--format " + String.join(",", options.formats) + " writes " + formats.size()
            + " reports: give -o once per format (in that order), or once as a stem (-o report writes "
            + stemmed("report", formats) + ")");
      }
      out.add(new Destination(formats.get(0), null));
    } else if (outputs.size() == formats.size()) {
      for (int i = 0; i < formats.size(); i++) {
        out.add(new Destination(formats.get(i), OutputFile.at(env.fileSystem(), outputs.get(i))));
      }
    } else if (outputs.size() == 1) {
      String stem = outputs.get(0);
      for (ReportWriter w : writers.all()) {
        if (stem.endsWith("." + w.fileExtension())) {
          throw AgentException.usage("-o " + stem + " names one file, but --format asks for " + formats.size()
              + " reports: give -o once per format, or a stem without extension (-o "
              + stem.substring(0, stem.length() - w.fileExtension().length() - 1) + " writes "
              + stemmed(stem.substring(0, stem.length() - w.fileExtension().length() - 1), formats) + ")");
        }
      }
      for (ReportWriter w : formats) {
        out.add(new Destination(w, OutputFile.at(env.fileSystem(), stem + "." + w.fileExtension())));
      }
    } else {
      throw AgentException.usage(outputs.size() + " -o for " + formats.size() + " format(s): give -o once per"
          + " format, in the order of --format, or once as a stem");
    }
    return new ReportOutput(env, out, options.verbose, options.quiet);
  }

  private static List<ReportWriter> formats(ReportWriters writers, List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    List<ReportWriter> out = new ArrayList<>();
    for (String name : names.isEmpty() ? List.of("text") : names) {
      ReportWriter w = writers.find(name).orElseThrow(() -> AgentException.usage("unknown --format " + name
          + NearestNames.suggestion(name, writers.names()) + " (known: " + String.join(", ", writers.names()) + ")"));
      if (!seen.add(name)) {
        throw AgentException.usage("--format " + name + " is given twice");
      }
      out.add(w);
    }
    return out;
  }

  private static String stemmed(String stem, List<ReportWriter> formats) {
    return String.join(", ", formats.stream().map(w -> stem + "." + w.fileExtension()).toList());
  }

  /** The files this run writes, which its own cleanup must keep. */
  List<String> files() {
    return destinations.stream().filter(d -> d.file() != null).map(d -> d.file().path().toString()).toList();
  }

  /** Writes every report, and the verdict line where the report itself does not go to stdout. */
  void emit(Report report, PrintWriter stdout) {
    List<String> written = new ArrayList<>();
    for (Destination d : destinations) {
      if (d.file() == null) {
        if (quiet) {
          stdout.println(VerdictLine.of(report));
        } else {
          write(d.writer(), report, stdout, new RenderOptions(env.colorAllowed(), verbose));
        }
        continue;
      }
      d.file().write(w -> d.writer().write(report, w, new RenderOptions(false, verbose)));
      written.add(d.file().given());
    }
    if (!written.isEmpty() && !quiet) {
      stdout.println(VerdictLine.of(report) + " · report" + (written.size() > 1 ? "s: " : ": ")
          + String.join(", ", written));
    }
    stdout.flush();
  }

  private static void write(ReportWriter w, Report report, PrintWriter stdout, RenderOptions options) {
    try {
      w.write(report, stdout, options);
      stdout.flush();
    } catch (IOException e) {
      throw new AgentException(dev.imageprep.rules.model.ExitCode.INCOMPLETE, "could not write the report: "
          + e.getMessage());
    }
  }
}

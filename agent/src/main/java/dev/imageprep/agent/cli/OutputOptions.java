package dev.imageprep.agent.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the report goes and in which formats. */
public final class OutputOptions {

  /** The command this mixin belongs to, for its stdout and stderr. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "text",
      completionCandidates = FormatNames.class,
      description = "Report format: ${COMPLETION-CANDIDATES}; several, comma-separated, write one report each"
          + " from the same run (they need -o). Default: ${DEFAULT-VALUE}.")
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout (SSM keeps only 24,000 characters of stdout); a"
          + " one-line verdict still goes to stdout. With several formats: one -o per format in --format's order,"
          + " or one stem without extension (-o report writes report.json, report.html, ...). A symlink at FILE"
          + " is refused; the file is written beside it and renamed into place.")
  List<String> outputs = new ArrayList<>();

  @Option(names = {"-v", "--verbose"},
      description = "List everything: the evidence of passing checks, every path of the plan.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"},
      description = "No progress; on stdout only the verdict line, or nothing when the report goes to a file.")
  boolean quiet;

  /** The names picocli lists for --format. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return dev.imageprep.agent.report.ReportWriters.standard().names().iterator();
    }
  }
}

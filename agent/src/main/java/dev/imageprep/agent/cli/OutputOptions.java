package dev.imageprep.agent.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the report goes and in which format. */
public final class OutputOptions {

  /** The command this mixin belongs to, for its stderr (where the progress bar goes). */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      completionCandidates = FormatNames.class,
      description = "Report format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE (SSM keeps only 24,000 characters of stdout); a one-line"
          + " verdict still goes to stdout.")
  String output;

  @Option(names = {"-v", "--verbose"}, description = "Show the evidence of passing checks too.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing on stdout when the report goes to a file.")
  boolean quiet;

  /** The names picocli lists for --format. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return dev.imageprep.agent.report.ReportWriters.standard().names().iterator();
    }
  }
}

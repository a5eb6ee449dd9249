package dev.imageprep.agent.cli;

import dev.imageprep.agent.json.ReportJson;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code imageprep report --from FILE}: write a JSON report again in other formats, without a new run. */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Write a JSON report (imageprep/report/v1 or v2, from check, clean or prepare --format json) again"
        + " in other formats: the HTML page for a person, JUnit for the CI server, text for the log. Nothing is"
        + " judged again; the exit code says whether the reports were written (0), not the verdict."})
public final class ReportCommand implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Option(names = "--from", paramLabel = "REPORT.json", required = true,
      description = "The JSON report to read.")
  String from;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    CommandContext ctx = root.context();
    ReportOutput out = ReportOutput.plan(ctx.env(), ctx.writers(), output);
    out.emit(read(ctx), output.command.commandLine().getOut());
    return ExitCode.OK.code();
  }

  private Report read(CommandContext ctx) {
    try {
      return ReportJson.read(Files.readString(ctx.env().fileSystem().getPath(from), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw AgentException.usage("--from " + from + ": " + e.getMessage());
    }
  }
}

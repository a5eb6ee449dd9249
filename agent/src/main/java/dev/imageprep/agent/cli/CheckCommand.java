package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.CheckRequest;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.rules.model.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code imageprep check}: judge readiness; change nothing. */
@Command(name = "check", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Check the readiness rules of the profile and report READY or exactly why not.",
        "Changes nothing. Findings that the profile's cleanup removes (SSH host keys) are resolved-by-cleanup:"
            + " they do not block prepare, but the image is not ready until the cleanup ran."})
public final class CheckCommand implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Mixin
  TargetOptions target;

  @Mixin
  SelectionOptions selection;

  @Mixin
  VerdictOptions verdict;

  @Mixin
  OutputOptions output;

  @Mixin
  SecretOptions secrets;

  @Override
  public Integer call() {
    SecretScanSettings secretSettings = secrets.settings(root.context());
    CommandContext ctx = root.context().withOpener(root.context().opener().withSecretSettings(secretSettings));
    ReportOutput out = ReportOutput.plan(ctx.env(), ctx.writers(), output);
    try {
      Report report = Runs.workflows(ctx, output)
          .check(new CheckRequest(target.request(selection, out.files()), verdict.failOn));
      out.emit(report, output.command.commandLine().getOut());
      return report.exitCode();
    } finally {
      secrets.writeBaseline(ctx, secretSettings, output.command.commandLine().getErr());
    }
  }
}

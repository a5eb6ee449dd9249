package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.PrepareRequest;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.rules.model.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code imageprep prepare}: check, clean if nothing blocks, then verify. */
@Command(name = "prepare", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Check, clean and verify in one run. The cleanup runs only when the check finds nothing"
        + " blocking at --fail-on (findings the cleanup itself removes do not block), or with --force; the verify"
        + " step checks again. READY only if all agree. Needs root on a running system."})
public final class PrepareCommand implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Mixin
  TargetOptions target;

  @Mixin
  SelectionOptions selection;

  @Mixin
  VerdictOptions verdict;

  @Mixin
  ChangeOptions change;

  @Mixin
  OutputOptions output;

  @Mixin
  SecretOptions secrets;

  @Option(names = "--force", description = "Clean even when the check finds blocking problems.")
  boolean force;

  @Override
  public Integer call() {
    SecretScanSettings secretSettings = secrets.settings(root.context());
    CommandContext ctx = root.context().withOpener(root.context().opener().withSecretSettings(secretSettings));
    ReportOutput out = ReportOutput.plan(ctx.env(), ctx.writers(), output);
    try {
      Report report = Runs.workflows(ctx, output).prepare(new PrepareRequest(target.request(selection, out.files()),
          verdict.failOn, change.dryRun, change.yes, force));
      out.emit(report, output.command.commandLine().getOut());
      return report.exitCode();
    } finally {
      secrets.writeBaseline(ctx, secretSettings, output.command.commandLine().getErr());
    }
  }
}

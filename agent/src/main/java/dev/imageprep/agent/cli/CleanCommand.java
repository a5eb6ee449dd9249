package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.CleanRequest;
import dev.imageprep.rules.model.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code imageprep clean}: carry out the profile's cleanup list, exactly as planned. */
@Command(name = "clean", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Run the profile's cleanup list: plan every concrete path first, then act on exactly that"
        + " plan, never following a symlink at the last component and never leaving the image root.",
        "Asks for confirmation on a terminal, after a summary of the plan; needs --yes otherwise. --dry-run prints"
            + " the plan only. Needs root on a running system."})
public final class CleanCommand implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Mixin
  TargetOptions target;

  @Mixin
  SelectionOptions selection;

  @Mixin
  ChangeOptions change;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    CommandContext ctx = root.context();
    ReportOutput out = ReportOutput.plan(ctx.env(), ctx.writers(), output);
    Report report = Runs.workflows(ctx, output)
        .clean(new CleanRequest(target.request(selection, out.files()), change.dryRun, change.yes));
    out.emit(report, output.command.commandLine().getOut());
    return report.exitCode();
  }
}

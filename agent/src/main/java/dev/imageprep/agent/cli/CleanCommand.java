package dev.imageprep.agent.cli;

import dev.imageprep.agent.cleanup.RunLock;
import dev.imageprep.agent.run.ReportAssembler;
import dev.imageprep.agent.run.Session;
import dev.imageprep.rules.cleanup.CleanupPlan;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep clean}: carry out the profile's cleanup list, exactly as planned. */
@Command(name = "clean", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Run the profile's cleanup list: plan every concrete path first, then act on exactly that"
        + " plan, never following a symlink at the last component and never leaving the image root.",
        "Asks for confirmation on a terminal; needs --yes otherwise. --dry-run prints the plan only."})
public final class CleanCommand implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Mixin
  SelectionOptions selection;

  @Mixin
  ChangeOptions change;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() throws IOException {
    CommandContext ctx = root.context();
    Instant started = ctx.env().clock().instant();
    Session session = Runs.session(ctx, target, selection, output);
    if (!change.dryRun) {
      Runs.requirePrivilege(ctx, session, "clean");
    }
    ReportAssembler reports = new ReportAssembler(ctx.tool(), session.hostSection(), started);
    try (RunLock lock = session.lock(change.dryRun)) {
      CleanupPlan plan = session.plan();
      if (change.dryRun) {
        return Runs.emit(ctx, spec, output, reports.clean(plan.steps(), true, false,
            List.of("dry run: nothing was changed"), ctx.env().clock().instant()));
      }
      if (!change.yes && !Runs.confirm(ctx, spec, plan, session)) {
        spec.commandLine().getErr().println("Nothing changed.");
        return ExitCodes.OK;
      }
      Runs.Cleaned cleaned = Runs.execute(ctx, session, plan);
      return Runs.emit(ctx, spec, output, reports.clean(cleaned.steps(), false, cleaned.interrupted(),
          cleaned.notes(), ctx.env().clock().instant()));
    }
  }
}

package dev.imageprep.agent.cli;

import dev.imageprep.agent.cleanup.RunLock;
import dev.imageprep.agent.run.ReportAssembler;
import dev.imageprep.agent.run.Session;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.model.CheckResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep prepare}: check, clean if nothing blocks, then verify. */
@Command(name = "prepare", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Check, clean and verify in one run. The cleanup runs only when the check finds nothing"
        + " blocking (findings the cleanup itself removes do not block), or with --force; the verify step"
        + " checks again. READY only if all agree."})
public final class PrepareCommand implements Callable<Integer> {

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

  @Mixin
  SecretOptions secrets;

  @Option(names = "--force", description = "Clean even when the check finds blocking problems.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    SecretScanSettings secretSettings = secrets.settings(root.context());
    CommandContext ctx = root.context().withOpener(root.context().opener().withSecretSettings(secretSettings));
    Instant started = ctx.env().clock().instant();
    Session session = Runs.session(ctx, target, selection, output);
    if (!change.dryRun) {
      Runs.requirePrivilege(ctx, session, "prepare");
    }
    ReportAssembler reports = new ReportAssembler(ctx.tool(), session.hostSection(), started);
    try (RunLock lock = session.lock(change.dryRun)) {
      CleanupPlan plan = session.plan();
      List<CheckResult> preflight = session.evaluate(session.facts(), plan);
      List<String> notes = new ArrayList<>();
      List<String> blocking = preflight.stream().filter(CheckResult::blocksCleanup).map(CheckResult::id).toList();
      if (change.dryRun) {
        notes.add("dry run: nothing was changed");
        if (!blocking.isEmpty()) {
          notes.add("the cleanup would " + (force ? "run despite " : "not run: blocked by ")
              + String.join(", ", blocking));
        }
        return Runs.emit(ctx, spec, output, reports.prepare(preflight, plan.steps(), null, true, false, notes,
            ctx.env().clock().instant()));
      }
      if (!blocking.isEmpty() && !force) {
        notes.add("cleanup not run: the check found blocking problems (" + String.join(", ", blocking)
            + "); fix them, or pass --force");
        return Runs.emit(ctx, spec, output, reports.prepare(preflight, plan.steps(), null, false, false, notes,
            ctx.env().clock().instant()));
      }
      if (!blocking.isEmpty()) {
        notes.add("--force: cleaning despite " + String.join(", ", blocking));
      }
      if (!change.yes && !Runs.confirm(ctx, spec, plan, session)) {
        spec.commandLine().getErr().println("Nothing changed.");
        return ExitCodes.OK;
      }
      Runs.Cleaned cleaned = Runs.execute(ctx, session, plan);
      notes.addAll(cleaned.notes());
      List<CheckResult> verify = cleaned.interrupted() ? null
          : session.evaluate(session.reopen(), new CleanupPlan(List.of()));
      return Runs.emit(ctx, spec, output, reports.prepare(preflight, cleaned.steps(), verify, false,
          cleaned.interrupted(), notes, ctx.env().clock().instant()));
    } finally {
      secrets.writeBaseline(ctx, secretSettings, spec.commandLine().getErr());
    }
  }
}

package dev.imageprep.agent.cli;

import dev.imageprep.agent.cleanup.RunLock;
import dev.imageprep.agent.run.ReportAssembler;
import dev.imageprep.agent.run.Session;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep check}: judge readiness; change nothing. */
@Command(name = "check", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Check the readiness rules of the profile and report READY or exactly why not.",
        "Changes nothing. Findings that the profile's cleanup removes (SSH host keys) are marked as such."})
public final class CheckCommand implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Mixin
  SelectionOptions selection;

  @Mixin
  OutputOptions output;

  @Mixin
  SecretOptions secrets;

  @Override
  public Integer call() throws IOException {
    SecretScanSettings secretSettings = secrets.settings(root.context());
    CommandContext ctx = root.context().withOpener(root.context().opener().withSecretSettings(secretSettings));
    Instant started = ctx.env().clock().instant();
    Session session = Runs.session(ctx, target, selection, output);
    try (RunLock lock = session.lock(true)) {
      CleanupPlan plan = session.plan();
      List<CheckResult> results = session.evaluate(session.facts(), plan);
      Report report = new ReportAssembler(ctx.tool(), session.hostSection(), started)
          .check(results, plan.steps(), List.of(), ctx.env().clock().instant());
      return Runs.emit(ctx, spec, output, report);
    } finally {
      secrets.writeBaseline(ctx, secretSettings, spec.commandLine().getErr());
    }
  }
}

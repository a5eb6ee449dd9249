package dev.imageprep.agent.cli;

import dev.imageprep.agent.cleanup.CleanupActions;
import dev.imageprep.agent.cleanup.CleanupExecutor;
import dev.imageprep.agent.cleanup.Journal;
import dev.imageprep.agent.cleanup.SafeTree;
import dev.imageprep.agent.progress.CleanupProgress;
import dev.imageprep.agent.progress.ConsoleProgress;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.agent.report.RenderOptions;
import dev.imageprep.agent.report.TerminalText;
import dev.imageprep.agent.report.ReportWriter;
import dev.imageprep.agent.run.Interruptions;
import dev.imageprep.agent.run.Session;
import dev.imageprep.agent.run.SessionRequest;
import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.model.CleanupStatus;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/** What check, clean and prepare share: opening a session, confirming, and writing the report. */
final class Runs {

  private Runs() {}

  static Session session(CommandContext ctx, TargetOptions target, SelectionOptions selection, OutputOptions output) {
    writer(ctx, output); // an unknown --format is a usage error before anything is read
    return new Session(ctx.env(), ctx.opener(), ctx.types(), new SessionRequest(target.profile, target.root,
        target.ruleFiles, selection.only, selection.skip, selection.enable, target.stateDir,
        output.output == null ? List.of() : List.of(output.output)), progress(ctx, output.command, output.quiet));
  }

  /** A progress bar on stderr for a person at a terminal who did not ask for --quiet; nothing otherwise. */
  static Progress progress(CommandContext ctx, CommandSpec spec, boolean quiet) {
    return spec == null ? Progress.NONE
        : ConsoleProgress.forRun(ctx.env().interactive(), quiet, ctx.env().env(), spec.commandLine().getErr());
  }

  static ReportWriter writer(CommandContext ctx, OutputOptions output) {
    return ctx.writers().find(output.format).orElseThrow(() -> AgentException.usage("unknown --format "
        + output.format + " (known: " + String.join(", ", ctx.writers().names()) + ")"));
  }

  /**
   * Changing a live system needs root (Linux) or an elevated administrator (Windows); a mounted root
   * only needs write access, which the steps report.
   */
  static void requirePrivilege(CommandContext ctx, Session session, String command) {
    if (session.offline()) {
      return;
    }
    if (session.facts().info().platform() == Platform.WINDOWS) {
      Fact<Boolean> elevated = session.facts().windows().elevated();
      if (!elevated.isKnown() || !elevated.value()) {
        throw AgentException.usage(command + " changes system files: run it from an elevated prompt (right-click"
            + " PowerShell > Run as administrator)" + (elevated.isKnown() ? "" : "; could not tell: "
            + elevated.reason()));
      }
      return;
    }
    if (ctx.env().uid().isPresent() && ctx.env().uid().getAsInt() != 0) {
      throw AgentException.usage(command + " changes system files: run it as root (sudo imageprep " + command
          + " ...)");
    }
  }

  /** Asks before changing anything, or refuses when nobody can be asked and --yes is missing. */
  static boolean confirm(CommandContext ctx, CommandSpec spec, CleanupPlan plan, Session session) {
    long steps = plan.count(CleanupStatus.PLANNED);
    if (!ctx.env().interactive()) {
      throw AgentException.usage("refusing to change " + steps + " paths without --yes: there is no terminal to"
          + " ask for confirmation (run with --dry-run to see the plan)");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "About to change %d paths (%s) under %s with profile %s. Continue? [y/N] ", steps,
        Bytes.human(plan.plannedBytes()), TerminalText.escape(session.root().toString()), session.profile().id());
    out.flush();
    try {
      String answer = ctx.env().answers().readLine();
      return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    } catch (IOException e) {
      return false;
    }
  }

  /** The outcome of carrying out a plan. */
  record Cleaned(List<PlannedStep> steps, boolean interrupted, List<String> notes) {}

  /** Carries out a plan with a journal, stopping between steps when interrupted. */
  static Cleaned execute(CommandContext ctx, Session session, CleanupPlan plan) throws IOException {
    Interruptions interruptions = ctx.interruptions().get();
    List<String> notes = new ArrayList<>();
    List<PlannedStep> steps;
    try (Journal journal = session.openJournal()) {
      notes.add("journal: " + journal.file());
      try (CleanupProgress progress = new CleanupProgress(session.progress(), plan)) {
        steps = new CleanupExecutor(new SafeTree(session.root()), CleanupActions.standard(), journal)
            .execute(plan, progress, interruptions);
      }
    }
    if (interruptions.getAsBoolean()) {
      notes.add("interrupted: run the command again to finish (re-runs are idempotent)");
    }
    return new Cleaned(steps, interruptions.getAsBoolean(), notes);
  }

  /** Writes the report where --output says, or to stdout, and returns the exit code. */
  static int emit(CommandContext ctx, CommandSpec spec, OutputOptions output, Report report) {
    ReportWriter w = writer(ctx, output);
    RenderOptions render = new RenderOptions(output.output == null && ctx.env().colorAllowed(), output.verbose);
    try {
      if (output.output == null) {
        Writer out = spec.commandLine().getOut();
        w.write(report, out, render);
        out.flush();
      } else {
        Path file = ctx.env().fileSystem().getPath(output.output);
        if (file.toAbsolutePath().getParent() != null) {
          Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer fw = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          w.write(report, fw, new RenderOptions(false, output.verbose));
        }
        if (!output.quiet) {
          spec.commandLine().getOut().printf("%s · %s · exit %d · report: %s%n", report.verdict(),
              summaryLine(report), report.exitCode(), TerminalText.escape(output.output));
          spec.commandLine().getOut().flush();
        }
      }
    } catch (IOException e) {
      throw new AgentException(ExitCodes.INCOMPLETE, "could not write the report: " + e.getMessage());
    }
    return report.exitCode();
  }

  private static String summaryLine(Report r) {
    var s = r.summary();
    return String.format(Locale.ROOT, "%d pass, %d fail, %d warn, %d unknown; cleanup %d done, %d failed", s.pass(),
        s.fail(), s.warn(), s.unknown(), s.cleanupDone(), s.cleanupFailed());
  }
}

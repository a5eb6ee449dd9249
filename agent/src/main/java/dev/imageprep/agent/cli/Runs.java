package dev.imageprep.agent.cli;

import dev.imageprep.agent.progress.ConsoleProgress;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.agent.run.Workflows;

/** What check, clean and prepare share: the workflows with this terminal's progress bar and prompt. */
final class Runs {

  private Runs() {}

  /** A progress bar on stderr for a person at a terminal who did not ask for --quiet; the prompt on stdout. */
  static Workflows workflows(CommandContext ctx, OutputOptions output) {
    Progress progress = ConsoleProgress.forRun(ctx.env().interactive(), output.quiet, ctx.env().env(),
        output.command.commandLine().getErr());
    return new Workflows(ctx.run(), progress,
        new TerminalConfirmation(ctx.env(), output.command.commandLine().getOut(), output.verbose));
  }
}

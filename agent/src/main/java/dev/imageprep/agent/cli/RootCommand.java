package dev.imageprep.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code imageprep}: the top of the command tree. */
@Command(name = "imageprep", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Prepares a Linux or Windows instance (or its mounted root volume) for image capture:"
        + " checks readiness rules, runs the cleanup lists, verifies, and says READY or exactly why not."},
    subcommands = {CheckCommand.class, CleanCommand.class, PrepareCommand.class, RulesCommand.class,
        ProfilesCommand.class, SchemaCommand.class, StampCommand.class, SudoCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:ready, or the cleanup finished",
        "1:not ready: an error-level rule failed or could not be determined",
        "2:usage, configuration or rule-file error; nothing was changed",
        "3:incomplete: an action failed, the run was interrupted, or an internal error",
        "4:another imageprep run holds the lock"})
public final class RootCommand implements Runnable {

  private final CommandContext context;

  @Spec
  CommandSpec spec;

  public RootCommand(CommandContext context) {
    this.context = context;
  }

  public CommandContext context() {
    return context;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

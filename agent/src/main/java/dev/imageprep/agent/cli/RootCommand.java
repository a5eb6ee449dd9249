package dev.imageprep.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code imageprep}: the top of the command tree. */
@Command(name = "imageprep", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Prepares a Linux or Windows instance (or its mounted root volume) for image capture:"
        + " checks readiness rules, runs the cleanup lists, verifies, and says READY or exactly why not."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:ready, or the cleanup finished",
        "1:not ready: an error-level rule failed or could not be determined",
        "2:usage, configuration or rule-file error; nothing was changed",
        "3:incomplete: an action failed, the run was interrupted, or an internal error",
        "4:another imageprep run holds the lock"})
public final class RootCommand implements Runnable {

  /**
   * The subcommands by name, in the order help lists them. They are added by {@code Main}, only the
   * one a command line names when it names one: building every command's model costs a fleet-wide
   * call more start-up time than the rest of a short check.
   */
  public static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static java.util.Map<String, Class<?>> subcommands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("check", CheckCommand.class);
    m.put("clean", CleanCommand.class);
    m.put("prepare", PrepareCommand.class);
    m.put("rules", RulesCommand.class);
    m.put("profiles", ProfilesCommand.class);
    m.put("schema", SchemaCommand.class);
    m.put("stamp", StampCommand.class);
    m.put("sudo", SudoCommand.class);
    m.put("registry", RegistryCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

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

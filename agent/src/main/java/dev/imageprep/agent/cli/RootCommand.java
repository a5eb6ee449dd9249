package dev.imageprep.agent.cli;

import dev.imageprep.rules.model.ExitCode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code imageprep}: the top of the command tree. Its exit-code list is filled in from {@link ExitCode}. */
@Command(name = "imageprep", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Prepares a Linux or Windows instance (or its mounted root volume) for image capture:"
        + " checks readiness rules, runs the cleanup lists, verifies, and says READY or exactly why not."})
public final class RootCommand implements Callable<Integer> {

  /**
   * The subcommands by name, in the order help lists them. They are added by {@link CommandLines}, only
   * the one a command line names when it names one: building every command's model costs a fleet-wide
   * call more start-up time than the rest of a short check.
   */
  public static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  /** The subcommands that judge or change an image, whose help lists every exit code. */
  static final List<String> RUNS = List.of("check", "clean", "prepare");

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("check", CheckCommand.class);
    m.put("clean", CleanCommand.class);
    m.put("prepare", PrepareCommand.class);
    m.put("report", ReportCommand.class);
    m.put("rules", RulesCommand.class);
    m.put("profiles", ProfilesCommand.class);
    m.put("schema", SchemaCommand.class);
    m.put("stamp", StampCommand.class);
    m.put("sudo", SudoCommand.class);
    m.put("registry", RegistryCommand.class);
    return Collections.unmodifiableMap(m);
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

  /** Bare {@code imageprep} is a usage error: it prints the usage where errors go. */
  @Override
  public Integer call() {
    return usageError(spec);
  }

  /** Prints a command group's usage on stderr and returns exit 2: a group alone names nothing to do. */
  static int usageError(CommandSpec group) {
    group.commandLine().getErr().println("imageprep: " + group.qualifiedName() + " needs a command");
    group.commandLine().usage(group.commandLine().getErr());
    group.commandLine().getErr().flush();
    return ExitCode.USAGE.code();
  }
}

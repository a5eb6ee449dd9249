package dev.imageprep.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep rules}: the catalog, rule by rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "List the rules and cleanup items of a profile, or show one in full.",
    subcommands = {RulesListCommand.class, RulesShowCommand.class})
public final class RulesCommand implements java.util.concurrent.Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return RootCommand.usageError(spec);
  }
}

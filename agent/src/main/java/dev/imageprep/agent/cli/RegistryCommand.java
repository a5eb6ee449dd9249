package dev.imageprep.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep registry}: Windows registry hive files, as imageprep reads them offline. */
@Command(name = "registry", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "Show what imageprep reads from Windows registry hive files.",
    subcommands = {RegistryExportCommand.class})
public final class RegistryCommand implements java.util.concurrent.Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return RootCommand.usageError(spec);
  }
}

package dev.imageprep.agent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep sudo}: administrative rights of the image's users. */
@Command(name = "sudo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "Manage the image's administrative (sudo) rights.",
    subcommands = {SudoRevokeCommand.class})
public final class SudoCommand implements java.util.concurrent.Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    return RootCommand.usageError(spec);
  }
}

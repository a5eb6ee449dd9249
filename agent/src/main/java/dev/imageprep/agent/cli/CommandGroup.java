package dev.imageprep.agent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code rules}, {@code sudo}, {@code registry}): run alone it
 * prints its usage and exits 2, and its subcommands reach the shared context through {@link #root}.
 */
@Command // picocli reads the annotated fields of a superclass only when it is a command too
abstract class CommandGroup implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    return RootCommand.usageError(spec);
  }
}

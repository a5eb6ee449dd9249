package dev.imageprep.agent.cli;

import picocli.CommandLine.Option;

/** The options of commands that change files. */
public final class ChangeOptions {

  @Option(names = {"-n", "--dry-run"}, description = "Print the exact plan and change nothing.")
  boolean dryRun;

  @Option(names = {"-y", "--yes"},
      description = "Do not ask for confirmation. Required when there is no terminal to ask on.")
  boolean yes;
}

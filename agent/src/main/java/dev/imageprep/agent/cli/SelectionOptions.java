package dev.imageprep.agent.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which rules and cleanup items run. */
public final class SelectionOptions {

  @Option(names = "--only", paramLabel = "ID", split = ",",
      description = "Run only these rules and cleanup items (comma-separated or repeated). A cleanup item that is"
          + " off by default runs when named here.")
  Set<String> only = new LinkedHashSet<>();

  @Option(names = "--skip", paramLabel = "ID", split = ",",
      description = "Leave out these rules and cleanup items.")
  Set<String> skip = new LinkedHashSet<>();

  @Option(names = "--enable", paramLabel = "ID", split = ",",
      description = "Add cleanup items that are off by default to the default set.")
  Set<String> enable = new LinkedHashSet<>();
}

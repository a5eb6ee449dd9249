package dev.imageprep.agent.cli;

import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which rules and cleanup items run. */
public final class SelectionOptions {

  @Option(names = "--only", paramLabel = "ID", split = ",",
      description = "Run only these rules and cleanup items (comma-separated or repeated). A cleanup item that is"
          + " off by default runs when named here; an id the profile lacks is an error. Whether a finding is"
          + " removed by the cleanup is still judged against the profile's whole cleanup list.")
  Set<String> only = new LinkedHashSet<>();

  @Option(names = "--skip", paramLabel = "ID", split = ",",
      description = "Leave out these rules and cleanup items. An id the profile lacks is only a warning, so one"
          + " skip list serves several profiles.")
  Set<String> skip = new LinkedHashSet<>();

  @Option(names = "--enable", paramLabel = "ID", split = ",",
      description = "Add cleanup items that are off by default to the default set.")
  Set<String> enable = new LinkedHashSet<>();
}

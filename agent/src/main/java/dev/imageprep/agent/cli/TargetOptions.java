package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.SessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which image, which profile, which extra rule files. */
public final class TargetOptions {

  @Option(names = "--profile", paramLabel = "P", defaultValue = "auto",
      description = "Profile to use (see `imageprep profiles`); `auto` detects WorkSpaces, OpsWorks or EC2 from"
          + " the signs each profile declares, reports which it saw, and falls back to the generic profile."
          + " Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--root", paramLabel = "DIR",
      description = "Judge and clean the image whose root filesystem is mounted at DIR instead of this running"
          + " system. Paths resolve inside DIR as the image would resolve them, never outside it. DIR must hold"
          + " an operating system (etc/os-release, or etc/ and usr/, or Windows/System32).")
  String root;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Extra rule file (YAML); repeatable. Entries replace bundled entries with the same id.")
  List<String> ruleFiles = new ArrayList<>();

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Where the lock and the cleanup journal go. Default: /run/imageprep.")
  String stateDir;

  /** The run's target with nothing selected (the catalog commands). */
  SessionRequest request() {
    return new SessionRequest(profile, root, ruleFiles, Set.of(), Set.of(), Set.of(), stateDir, List.of());
  }

  /** The run's target and selection; {@code keep} are files this run writes, which no cleanup removes. */
  SessionRequest request(SelectionOptions selection, List<String> keep) {
    return new SessionRequest(profile, root, ruleFiles, selection.only, selection.skip, selection.enable, stateDir,
        keep);
  }
}

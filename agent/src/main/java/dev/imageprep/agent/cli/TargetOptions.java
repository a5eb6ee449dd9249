package dev.imageprep.agent.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which image, which profile, which extra rule files. */
public final class TargetOptions {

  @Option(names = "--profile", paramLabel = "P", defaultValue = "auto",
      description = "Profile to use (see `imageprep profiles`); `auto` detects WorkSpaces, OpsWorks or EC2"
          + " and falls back to the generic profile. Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--root", paramLabel = "DIR",
      description = "Judge and clean the image whose root filesystem is mounted at DIR instead of this running"
          + " system. Paths resolve inside DIR as the image would resolve them, never outside it.")
  String root;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Extra rule file (YAML); repeatable. Entries replace bundled entries with the same id.")
  List<String> ruleFiles = new ArrayList<>();

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Where the lock and the cleanup journal go. Default: /run/imageprep.")
  String stateDir;
}

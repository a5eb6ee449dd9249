package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds a hive's transaction logs among the names in its directory: {@code NAME.LOG1}, {@code
 * NAME.LOG2} and {@code NAME.LOG}, compared without regard to case as Windows compares them (Windows
 * XP wrote {@code system.LOG}, later versions {@code SYSTEM.LOG1}). On a case-sensitive mount two
 * names may differ only in case; then nobody can tell which one Windows wrote, and neither is used.
 *
 * @param names the log files' names, one per suffix, in the order above
 * @param problems why a log that is there is not used
 */
record HiveLogs(List<String> names, List<String> problems) {

  static final List<String> SUFFIXES = List.of(".LOG1", ".LOG2", ".LOG");

  HiveLogs {
    names = List.copyOf(names);
    problems = List.copyOf(problems);
  }

  /** The logs of {@code hive} among the file names of its directory. */
  static HiveLogs among(String hive, Collection<String> directory) {
    List<String> names = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String suffix : SUFFIXES) {
      List<String> matches = directory.stream().filter(n -> n.equalsIgnoreCase(hive + suffix)).sorted().toList();
      if (matches.size() == 1) {
        names.add(matches.get(0));
      } else if (matches.size() > 1) {
        problems.add(String.join(" and ", matches) + " differ only in case: which one Windows wrote cannot be told");
      }
    }
    return new HiveLogs(names, problems);
  }

  /** The logs beside a hive file on this machine (the command line's HIVE argument). */
  static HiveLogs beside(Path hive) throws IOException {
    Path dir = hive.toAbsolutePath().getParent();
    List<String> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        if (Files.isRegularFile(p)) {
          files.add(p.getFileName().toString());
        }
      }
    }
    return among(String.valueOf(hive.getFileName()), files);
  }
}

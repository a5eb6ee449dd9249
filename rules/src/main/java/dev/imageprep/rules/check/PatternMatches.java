package dev.imageprep.rules.check;

import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.cleanup.GlobExpander;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import java.util.List;
import java.util.function.Consumer;

/** Expands a path pattern for a check, noting every directory it could not read. */
final class PatternMatches {

  private PatternMatches() {}

  /**
   * @param blind told each unreadable directory, as {@code dir: reason}
   * @return the matches, which may not exist (a literal last component)
   */
  static List<ImagePath> expand(ImageFiles files, String pattern, Consumer<String> blind) {
    GlobExpander.Expansion e = new GlobExpander(files).expand(Glob.parse(pattern));
    e.unreadable().forEach(u -> blind.accept(u.directory() + ": " + u.reason()));
    return e.matches();
  }
}

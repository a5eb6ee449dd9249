package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a {@link Glob} against the image, one component at a time. Directories on the way are
 * listed through {@link ImageFiles#list}, so directory symlinks resolve inside the root; the matches
 * themselves are returned as written, not followed, and may not exist (a literal last component).
 */
public final class GlobExpander {

  /** Matches, and the directories that could not be read on the way. */
  public record Expansion(List<ImagePath> matches, List<Unreadable> unreadable) {}

  /** A directory the expansion needed but could not list. */
  public record Unreadable(ImagePath directory, String reason) {}

  private final ImageFiles files;

  public GlobExpander(ImageFiles files) {
    this.files = files;
  }

  public Expansion expand(Glob glob) {
    List<ImagePath> frontier = List.of(ImagePath.ROOT);
    List<Unreadable> unreadable = new ArrayList<>();
    for (Glob.Component component : glob.components()) {
      List<ImagePath> next = new ArrayList<>();
      for (ImagePath dir : frontier) {
        if (component.isLiteral()) {
          next.add(dir.child(component.text()));
          continue;
        }
        Fact<List<FileInfo>> listing = files.list(dir);
        if (!listing.isKnown()) {
          unreadable.add(new Unreadable(dir, listing.reason()));
          continue;
        }
        for (FileInfo e : listing.value()) {
          String name = e.path().fileName();
          if (component.matches(name)) {
            next.add(dir.child(name));
          }
        }
      }
      frontier = next;
    }
    return new Expansion(List.copyOf(frontier), List.copyOf(unreadable));
  }
}

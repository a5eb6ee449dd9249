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
    List<ImagePath> matches = new ArrayList<>();
    List<Unreadable> unreadable = expand(glob, (match, info) -> matches.add(match));
    return new Expansion(List.copyOf(matches), unreadable);
  }

  /** What a streaming expansion hands over: a match as written, and its entry if a listing found it. */
  @FunctionalInterface
  public interface MatchConsumer {
    /** @param listed the entry the directory listing gave (its path resolved), or null for a literal */
    void accept(ImagePath match, FileInfo listed);
  }

  /**
   * Expands a pattern, handing each match over as it is found: the last component of {@code
   * /var/tmp/*} is read as a stream, so a directory of a million entries is never held in memory.
   *
   * @return the directories that could not be read on the way
   */
  public List<Unreadable> expand(Glob glob, MatchConsumer each) {
    List<ImagePath> frontier = List.of(ImagePath.ROOT);
    List<Unreadable> unreadable = new ArrayList<>();
    List<Glob.Component> components = glob.components();
    for (int k = 0; k < components.size(); k++) {
      Glob.Component component = components.get(k);
      boolean last = k == components.size() - 1;
      List<ImagePath> next = new ArrayList<>();
      for (ImagePath dir : frontier) {
        if (component.isLiteral()) {
          if (last) {
            each.accept(dir.child(component.text()), null);
          } else {
            next.add(dir.child(component.text()));
          }
          continue;
        }
        Fact<Long> listing = files.forEachEntry(dir, e -> {
          String name = e.path().fileName();
          if (component.matches(name)) {
            if (last) {
              each.accept(dir.child(name), e);
            } else {
              next.add(dir.child(name));
            }
          }
        });
        if (!listing.isKnown()) {
          unreadable.add(new Unreadable(dir, listing.reason()));
        }
      }
      frontier = next;
    }
    if (components.isEmpty()) {
      each.accept(ImagePath.ROOT, null);
    }
    return List.copyOf(unreadable);
  }
}

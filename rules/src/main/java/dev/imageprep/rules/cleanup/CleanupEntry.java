package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.ImagePath;
import java.util.List;

/**
 * One item of a cleanup list, as the catalog declares it.
 *
 * @param paths the image paths or patterns it acts on
 * @param enabledByDefault whether it runs when no {@code --only}/{@code --enable} names it
 * @param order sort key: lower runs first; ties sort by id (virt-sysprep's rule)
 * @param notes known limits, shown by {@code rules show}
 * @param origin where it was declared ({@code file:line})
 * @param keep paths below its paths that it leaves alone, each with the reason
 * @param anchors the operations of established tools it stands for ({@code virt-sysprep:logfiles},
 *     {@code cloud-init-clean:--logs}), for the parity table
 */
public record CleanupEntry(
    String id,
    String title,
    ActionKind action,
    List<Glob> paths,
    boolean enabledByDefault,
    int order,
    String description,
    String notes,
    String source,
    String origin,
    List<Keep> keep,
    List<String> anchors) {

  /** A path an item leaves in place although its patterns reach it. */
  public record Keep(ImagePath path, String reason) {}

  public CleanupEntry {
    paths = List.copyOf(paths);
    keep = List.copyOf(keep);
    anchors = List.copyOf(anchors);
  }

  /** An item that keeps nothing back and stands for no other tool's operation. */
  public CleanupEntry(String id, String title, ActionKind action, List<Glob> paths, boolean enabledByDefault,
      int order, String description, String notes, String source, String origin) {
    this(id, title, action, paths, enabledByDefault, order, description, notes, source, origin, List.of(), List.of());
  }

  /** Whether one of its patterns is this very path, written out without wildcards. */
  public boolean names(ImagePath path) {
    for (Glob g : paths) {
      if (g.isLiteral() && ImagePath.of(g.toString()).equals(path)) {
        return true;
      }
    }
    return false;
  }
}

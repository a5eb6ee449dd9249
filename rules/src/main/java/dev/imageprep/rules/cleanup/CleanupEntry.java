package dev.imageprep.rules.cleanup;

import java.util.List;

/**
 * One item of a cleanup list, as the catalog declares it.
 *
 * @param paths the image paths or patterns it acts on
 * @param enabledByDefault whether it runs when no {@code --only}/{@code --enable} names it
 * @param order sort key: lower runs first; ties sort by id (virt-sysprep's rule)
 * @param notes known limits, shown by {@code rules show}
 * @param origin where it was declared ({@code file:line})
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
    String origin) {

  public CleanupEntry {
    paths = List.copyOf(paths);
  }
}

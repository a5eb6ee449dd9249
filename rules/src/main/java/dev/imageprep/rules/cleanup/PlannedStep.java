package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;

/**
 * One concrete thing the cleanup will do (or refuses to do) to one path. The executor acts on
 * exactly these steps and on nothing else.
 *
 * @param id the cleanup item this step belongs to
 * @param action what happens to {@code path}: {@code remove}, {@code shred}, {@code truncate},
 *     {@code reset-machine-id} or {@code clear-password} ({@code empty-dir} items plan one {@code
 *     remove} per entry)
 * @param path the path inside the image, every directory on the way resolved inside the root
 * @param matched the path the item's pattern matched, when a directory symlink made it differ
 * @param type the entry's type when planned; the executor skips the step if it changed
 * @param bytes bytes the step frees (a directory's whole tree), or -1 when not readable
 * @param identity device and inode when planned, to notice a replaced file
 */
public record PlannedStep(
    String id,
    ActionKind action,
    ImagePath path,
    ImagePath matched,
    FileType type,
    long bytes,
    String identity,
    CleanupStatus status,
    String reason) {

  public PlannedStep withOutcome(CleanupStatus newStatus, String newReason) {
    return new PlannedStep(id, action, path, matched, type, bytes, identity, newStatus, newReason);
  }

  /** Not a report field: the agent's JSON mapping leaves it out ({@code planned} is not in the schema). */
  public boolean isPlanned() {
    return status == CleanupStatus.PLANNED;
  }
}

package dev.imageprep.rules.catalog;

import dev.imageprep.rules.host.OsRelease;
import java.util.List;
import java.util.Optional;

/**
 * When a rule applies. An entry without conditions always applies.
 *
 * @param osIds the rule applies if {@code /etc/os-release}'s ID or ID_LIKE names one of these
 * @param mode {@code live} or {@code offline} (a mounted root), or null for both
 * @param cleanup the rule applies only when this cleanup item is selected (a safeguard for it)
 */
public record When(List<String> osIds, String mode, String cleanup) {

  public static final When ALWAYS = new When(List.of(), null, null);

  public When {
    osIds = List.copyOf(osIds);
  }

  /** Why the rule does not apply here, or empty when it does. */
  public Optional<String> notApplicable(OsRelease os, boolean offline, java.util.Set<String> selectedCleanup) {
    if (cleanup != null && !selectedCleanup.contains(cleanup)) {
      return Optional.of("guards cleanup item " + cleanup + ", which this run does not select");
    }
    if (mode != null && mode.equals("live") && offline) {
      return Optional.of("applies to a running system only, not to a mounted root");
    }
    if (mode != null && mode.equals("offline") && !offline) {
      return Optional.of("applies to a mounted root only");
    }
    if (!osIds.isEmpty() && osIds.stream().noneMatch(os::is)) {
      return Optional.of("applies to " + String.join(", ", osIds) + " only; this is " + os.id()
          + (os.versionId().isEmpty() ? "" : " " + os.versionId()));
    }
    return Optional.empty();
  }

  public boolean needsOs() {
    return !osIds.isEmpty();
  }
}

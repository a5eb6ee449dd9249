package dev.imageprep.rules.catalog;

import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import java.util.List;

/**
 * One parsed catalog file before profiles are resolved. A file with {@code profile:} defines a
 * profile; a file without it is an overlay whose entries are added to whichever profile runs.
 *
 * @param remove ids of inherited entries this profile drops
 * @param extendsOrigin {@code file:line:column} of the {@code extends:} value, for errors
 * @param signs what auto-detection looks for ({@code detect:}), this profile's own
 */
record CatalogFile(
    String name,
    String profileId,
    String title,
    String description,
    Platform platform,
    String extendsId,
    String extendsOrigin,
    String environment,
    List<ImagePath> userVolumes,
    Signs signs,
    List<RuleEntry> rules,
    List<CleanupEntry> cleanup,
    List<String> remove) {

  boolean isOverlay() {
    return profileId == null;
  }
}

package dev.imageprep.rules.catalog;

import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import java.util.List;
import java.util.Optional;

/**
 * A profile with everything it inherits resolved: the rules and cleanup items for one kind of
 * image.
 *
 * @param parent the profile it extends, or null
 * @param environment what the image is for ({@code workspaces}, {@code ec2}, {@code opsworks},
 *     {@code generic})
 * @param userVolumes paths that are not part of the image and that cleanup never touches
 * @param signs what {@code --profile auto} looks for to choose this profile (its own, not inherited)
 */
public record Profile(
    String id,
    String title,
    String description,
    Platform platform,
    String parent,
    String environment,
    List<ImagePath> userVolumes,
    Signs signs,
    List<RuleEntry> rules,
    List<CleanupEntry> cleanup) {

  public Profile {
    userVolumes = List.copyOf(userVolumes);
    rules = List.copyOf(rules);
    cleanup = List.copyOf(cleanup);
  }

  public Optional<RuleEntry> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public Optional<CleanupEntry> cleanupItem(String id) {
    return cleanup.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public boolean knows(String id) {
    return rule(id).isPresent() || cleanupItem(id).isPresent();
  }
}

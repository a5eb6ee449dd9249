package dev.imageprep.agent.sudo;

import dev.imageprep.rules.host.ImagePath;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@code /etc/imageprep/imageprep.conf} says about {@code sudo revoke}: the users it leaves alone
 * when it picks users by itself (an explicit {@code --user} is always obeyed).
 *
 * @param keep user names whose rights stay
 */
public record RevokeConfig(Set<String> keep) {

  public static final ImagePath FILE = ImagePath.of("/etc/imageprep/imageprep.conf");
  static final String KEEP_KEY = "sudo-revoke.keep";

  public RevokeConfig {
    keep = Set.copyOf(keep);
  }

  /* Sample (the file the packages install):
   *   # Users `imageprep sudo revoke` never touches when it picks users itself.
   *   sudo-revoke.keep = ec2-user, ops
   */
  public static RevokeConfig parse(String text) {
    Set<String> keep = new LinkedHashSet<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.startsWith("#") || eq < 0 || !l.substring(0, eq).strip().equals(KEEP_KEY)) {
        continue;
      }
      Arrays.stream(l.substring(eq + 1).split("[,\\s]+")).filter(s -> !s.isEmpty()).forEach(keep::add);
    }
    return new RevokeConfig(keep);
  }
}

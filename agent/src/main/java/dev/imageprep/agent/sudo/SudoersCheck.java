package dev.imageprep.agent.sudo;

import dev.imageprep.rules.host.ImagePath;
import java.util.Optional;

/** Judges sudoers syntax before and after a drop-in is replaced; {@link HostVisudo} asks this machine's visudo. */
public interface SudoersCheck {

  /** @return why no judgement can be had (no visudo), or empty when checks can run */
  Optional<String> unavailable();

  /**
   * @param file one file to parse on its own, or empty for the whole configuration from /etc/sudoers
   * @return what is wrong, or empty when it parses
   */
  Optional<String> check(Optional<ImagePath> file);
}

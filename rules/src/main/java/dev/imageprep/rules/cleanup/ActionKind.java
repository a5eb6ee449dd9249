package dev.imageprep.rules.cleanup;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a cleanup item does to the paths it names. How each kind is carried out is the agent's job
 * (one action class per kind); the planner only decides which concrete paths each step touches.
 */
public enum ActionKind {
  /** Delete the path; a directory with everything below it, a symlink as a link. */
  REMOVE,
  /** Keep the directory (services own it) and delete its entries. */
  EMPTY_DIR,
  /** Keep the file and cut it to zero bytes (logs that a running daemon holds open). */
  TRUNCATE,
  /** Overwrite a regular file in place, flush it to disk, then unlink it. */
  SHRED,
  /** Empty the machine-id (not delete it) so systemd makes a new one at first boot; runs last. */
  RESET_MACHINE_ID,
  /**
   * Keep a launch agent's configuration file (EC2Launch) but blank the clear-text administrator
   * password in it and switch the password type to random.
   */
  CLEAR_PASSWORD;
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ActionKind ofKey(String key) {
    for (ActionKind k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    List<String> keys = Arrays.stream(values()).map(ActionKind::key).toList();
    throw new IllegalArgumentException("unknown action '" + key + "' (expected "
        + String.join(", ", keys.subList(0, keys.size() - 1)) + " or " + keys.get(keys.size() - 1) + ")");
  }
}

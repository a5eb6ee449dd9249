package dev.imageprep.rules.cleanup;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a cleanup item does to the paths it names. Each kind names its {@link ActionPlanning}, which
 * decides which concrete paths its steps touch; how each step is carried out is the agent's job (one
 * action class per kind). Adding a kind: the constant with its planning class, the agent's action,
 * the docs' table of actions; {@code RegistriesTest} fails until each is there.
 */
public enum ActionKind {
  /** Delete the path; a directory with everything below it, a symlink as a link. */
  REMOVE(new RemovePlanning()),
  /** Keep the directory (services own it) and delete its entries. */
  EMPTY_DIR(new EmptyDirPlanning()),
  /** Keep the file and cut it to zero bytes (logs that a running daemon holds open). */
  TRUNCATE(new TruncatePlanning()),
  /** Overwrite a regular file in place, flush it to disk, then unlink it. */
  SHRED(new ShredPlanning()),
  /** Empty the machine-id (not delete it) so systemd makes a new one at first boot; runs last. */
  RESET_MACHINE_ID(new ResetMachineIdPlanning()),
  /**
   * Keep a launch agent's configuration file (EC2Launch) but blank the clear-text administrator
   * password in it and switch the password type to random.
   */
  CLEAR_PASSWORD(new ClearPasswordPlanning());

  private final ActionPlanning planning;

  ActionKind(ActionPlanning planning) {
    this.planning = planning;
  }

  /** How the planner turns a path an item of this kind matched into steps. */
  public ActionPlanning planning() {
    return planning;
  }

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

package dev.imageprep.agent.run;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.Platform;
import java.util.Optional;

/**
 * Whether this run has the rights its command needs. Changing a running system needs root (Linux)
 * or an elevated administrator (Windows): without them {@code clean} and {@code prepare} stop before
 * they plan, with exit 2, instead of ending in a plan full of "permission denied". {@code check} runs
 * anyway and says once, above its results, why some of them are unknown.
 */
final class Privileges {

  private Privileges() {}

  /** Why this run lacks administrator rights, or empty when it has them (or it cannot be told). */
  static Optional<String> missing(AgentEnvironment env, Session session) {
    if (session.facts().info().platform() == Platform.WINDOWS && !session.offline()) {
      Fact<Boolean> elevated = session.facts().windows().elevated();
      if (elevated.isKnown() && elevated.value()) {
        return Optional.empty();
      }
      return Optional.of("not running from an elevated prompt" + (elevated.isKnown() ? "" : " (could not tell: "
          + elevated.reason() + ")"));
    }
    if (env.uid().isPresent() && env.uid().getAsInt() != 0) {
      return Optional.of("not running as root (uid " + env.uid().getAsInt() + ")");
    }
    return Optional.empty();
  }

  /**
   * Stops a command that changes a running system without the rights to. A mounted root (--root)
   * needs only write access to its files, which each step reports.
   */
  static void requireToChange(AgentEnvironment env, Session session, String command) {
    if (session.offline()) {
      return;
    }
    missing(env, session).ifPresent(why -> {
      throw AgentException.usage(command + " changes system files and needs administrator rights, but it is "
          + why + ": " + howToElevate(session, command));
    });
  }

  /** The one line a check run without rights prints above its results. */
  static Optional<String> checkNote(AgentEnvironment env, Session session) {
    return missing(env, session).map(why -> "imageprep check is " + why + ": files and settings only an"
        + " administrator can read are reported unknown below, and an unknown error-level rule means NOT READY; "
        + howToElevate(session, "check"));
  }

  private static String howToElevate(Session session, String command) {
    return session.facts().info().platform() == Platform.WINDOWS && !session.offline()
        ? "run it from an elevated prompt (right-click PowerShell > Run as administrator)"
        : "run it as root (sudo imageprep " + command + " ...)";
  }
}

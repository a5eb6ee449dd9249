package dev.imageprep.agent.run;

import dev.imageprep.agent.SuppressForbidden;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Turns SIGINT and SIGTERM into a flag the cleanup polls between steps, so an interrupted run stops
 * cleanly, writes its journal and report, and exits 3 instead of dying half-way through a step.
 */
public final class Interruptions implements BooleanSupplier {

  private final AtomicBoolean flag = new AtomicBoolean();

  private Interruptions() {}

  /** A flag nothing sets, for tests and read-only commands. */
  public static Interruptions none() {
    return new Interruptions();
  }

  /** A flag set by SIGINT or SIGTERM; the signals no longer end the process while it is installed. */
  @SuppressForbidden("SIGINT and SIGTERM must set a flag, not end the run, and the JDK has no public API for that")
  public static Interruptions fromSignals() {
    Interruptions i = new Interruptions();
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> i.flag.set(true));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // the signal does not exist on this platform (TERM on Windows): nothing to catch
      }
    }
    return i;
  }

  public void interrupt() {
    flag.set(true);
  }

  @Override
  public boolean getAsBoolean() {
    return flag.get();
  }
}

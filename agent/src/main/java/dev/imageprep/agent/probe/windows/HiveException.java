package dev.imageprep.agent.probe.windows;

/** A registry hive file that cannot be read: not a hive, corrupt, or not closed cleanly. */
public final class HiveException extends Exception {

  private static final long serialVersionUID = 1L;

  public HiveException(String message) {
    super(message);
  }
}

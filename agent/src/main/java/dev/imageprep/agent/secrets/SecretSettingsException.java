package dev.imageprep.agent.secrets;

/** A baseline or rule file that cannot be used: the message names the file and the line. */
public final class SecretSettingsException extends Exception {

  private static final long serialVersionUID = 1L;

  public SecretSettingsException(String file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
  }
}

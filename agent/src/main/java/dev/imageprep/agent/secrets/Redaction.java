package dev.imageprep.agent.secrets;

/**
 * Turns a secret into a preview that is safe to print: the first few characters (enough to tell
 * {@code AKIA} from {@code ASIA}) and the length, never the rest.
 */
public final class Redaction {

  private Redaction() {}

  public static String redact(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "(empty)";
    }
    int keep = secret.length() >= 16 ? 4 : 0;
    return secret.substring(0, keep) + "*".repeat(4) + " (" + secret.length() + " chars, redacted)";
  }
}

package dev.imageprep.rules.windows;

/** How a secret value is shown: never the value, only that there is one and how long it is. */
public final class Redacted {

  private Redacted() {}

  public static String of(String secret) {
    int n = secret == null ? 0 : secret.codePointCount(0, secret.length());
    return "<redacted, " + n + " character" + (n == 1 ? "" : "s") + ">";
  }
}

package dev.imageprep.rules.host;

/** A line of the image's {@code /etc/passwd}. */
public record UserAccount(String name, int uid, int gid, String home, String shell) {

  /** True for a login shell, as opposed to {@code nologin}, {@code false} or an empty shell. */
  public boolean hasLoginShell() {
    return !(shell.isEmpty() || shell.endsWith("/nologin") || shell.endsWith("/false") || shell.endsWith("/sync"));
  }
}

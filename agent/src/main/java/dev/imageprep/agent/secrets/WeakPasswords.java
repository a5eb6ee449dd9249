package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords that are a common word ({@code secret}, {@code password}): in a template they stand in
 * for the real value, but on a machine they are often the real one, a default nobody changed. They
 * are reported as warnings, where a key or a connection string clearly holds a password, outside
 * comments, documentation and program source (where such a word is a test value or a docstring's
 * example, {@code https://user:password@host}; PHP is the exception, as PHP applications keep their
 * settings in PHP files such as {@code config.php}). A value that repeats its own key ({@code password = "password"}) is
 * a stand-in and stays unreported, as do template markers ({@code <password>}, {@code YOUR_PASSWORD}).
 */
final class WeakPasswords {

  static final DetectorKind KIND = new DetectorKind("weak-password",
      "Password that is a common word (a default left in place, or a stand-in for the real one?)", Severity.WARNING,
      "CIS Benchmarks and NIST SP 800-63B section 5.1.1.2 (no commonly used or expected passwords);"
          + " Nosey Parker np.odbc.1, np.postgres.1, np.phpmailer.1 examples");

  /** Common-word passwords that the placeholder rules would otherwise drop as stand-ins. */
  private static final Set<String> WORDS = Set.of("secret", "password", "passwd", "passphrase");

  /** Documentation formats: a word there explains a setting, it is not one. */
  private static final Set<String> DOCUMENTATION = Set.of("md", "markdown", "rst", "adoc", "asciidoc", "html", "htm",
      "tex", "pod", "texi", "info", "man");

  private WeakPasswords() {}

  /**
   * True when {@code value} is a common-word password in a file that is neither documentation nor
   * program source.
   *
   * @param key the setting's key, or null where there is none (a URL, a constructor argument)
   */
  static boolean isWeak(String value, String key, String fileName) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return WORDS.contains(v) && (key == null || !v.equals(key.toLowerCase(Locale.ROOT)))
        && !isDocumentation(fileName) && !(AssignmentDetector.isCode(fileName) && !fileName.endsWith(".php"));
  }

  private static boolean isDocumentation(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return false;
    }
    String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return DOCUMENTATION.contains(ext) || ext.length() == 1 && Character.isDigit(ext.charAt(0)); // man pages: x.1
  }
}

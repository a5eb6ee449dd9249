package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Passwords that are a common word ({@code secret}, {@code password}): in a template they stand in
 * for the real value, but on a machine they are often the real one, a default nobody changed. They
 * are reported as warnings, where a key or a connection string clearly holds a password, outside
 * comments, documentation and program source (where such a word is a test value or a docstring's
 * example, {@code https://user:password@host}; PHP is the exception, as PHP applications keep their
 * settings in PHP files such as {@code config.php}). A value that repeats its own key
 * ({@code password = "password"}) is a stand-in and stays unreported, as do template markers
 * ({@code <password>}, {@code YOUR_PASSWORD}).
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

  /** User names of documented examples ({@code http://username:password@host}). */
  private static final Set<String> EXAMPLE_USERS = Set.of("username", "user_name", "nobody", "me", "someone", "foo");

  /** Hosts reserved for documentation (RFC 2606), whose URLs are examples. */
  private static final Pattern EXAMPLE_HOST = Pattern.compile(
      "(?i)@(?:[\\w.-]+\\.)?example(?:\\.(?:com|org|net))?(?:[:/]|$)");

  private WeakPasswords() {}

  /**
   * True when {@code value} is a common-word password in a file that is neither documentation nor
   * program source.
   *
   * @param key the setting's key, or null where there is none (a URL, a constructor argument)
   * @param quoted whether the value was a quoted string: a bare word after a dotted key
   *     ({@code self.password = password}) is a variable
   */
  static boolean isWeak(String value, String key, boolean quoted, String fileName) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!WORDS.contains(v) || isDocumentation(fileName) || AssignmentDetector.isCode(fileName)
        && !fileName.endsWith(".php")) {
      return false;
    }
    if (key == null) {
      return true;
    }
    String k = key.toLowerCase(Locale.ROOT);
    String last = k.substring(Math.max(k.lastIndexOf('.'), k.lastIndexOf('_')) + 1);
    return !v.equals(k) && !v.equals(last) && (quoted || !k.contains("."));
  }

  /**
   * True when the password a pattern found (a URL's {@code user:password@}, a constructor argument)
   * is a common word and the match is not a documented example (a URL user name such as {@code
   * username}, a host under {@code example.com}).
   *
   * @param match the whole match ({@code scheme://user:password@host}, {@code DirectoryEntry(...)})
   */
  static boolean isWeakInMatch(String password, String match, String fileName) {
    int scheme = match.indexOf("://");
    int colon = match.indexOf(':', scheme + 3);
    String user = scheme >= 0 && colon > scheme ? match.substring(scheme + 3, colon).toLowerCase(Locale.ROOT) : "";
    return isWeak(password, null, true, fileName) && !EXAMPLE_USERS.contains(user)
        && !EXAMPLE_HOST.matcher(match).find();
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

package dev.imageprep.agent.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that look like a secret's place but are not one: documented examples (the AWS
 * documentation's {@code AKIAIOSFODNN7EXAMPLE} pair), template variables ({@code ${VAR}}, {@code
 * {{ x }}}, {@code %VAR%}), prompts ({@code <your-password>}), masks ({@code ********}) and references
 * to a secret kept elsewhere ({@code $(cat file)}, {@code get_secret()}, a path). Learned from
 * gitleaks' global allowlist and detect-secrets' heuristic filters.
 */
final class Placeholders {

  private static final Set<String> WORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "nil", "none",
      "undefined", "empty", "unset", "required", "optional", "disabled", "enabled", "default", "string", "str",
      "text", "value", "redacted", "hidden", "masked", "secret", "password", "passwd", "passphrase", "token",
      "xxx", "dummy", "example", "sample", "placeholder", "your_password", "yourpassword",
      "mypassword", "ask", "prompt", "stdin", "env", "keyring", "file", "files", "compat",
      "systemd", "sss", "ldap", "nis", "winbind", "db");

  /** Fragments that mark a documented example or an obvious stand-in. */
  private static final Pattern MARKERS = Pattern.compile(
      "(?i)example|sample|placeholder|dummy|replace[_-]?me|your[_-]?(?:own[_-]?)?(?:pass|secret|token|key|api)"
          + "|redacted|fake|not[_-]?a[_-]?real|xxxx|\\*\\*\\*|\\.\\.\\.|…|<[a-z_ -]+>");

  /** Template and variable syntax of shells, Ansible/Jinja, Helm, Windows, Maven and printf. */
  private static final Pattern TEMPLATE = Pattern.compile(
      "^\\\\?\\$|^['\"]\\$|\\$\\{|#\\{|\\$\\(|\\{\\{|\\}\\}|^%[A-Za-z_]+%$|^@[A-Za-z_]+@$|^%[sdr]$|%\\([a-z_]+\\)s|^<.*>$|^\\[.*]$|^\\(.*\\)$"
          + "|^[A-Za-z_][\\w.]*\\(.*\\)$|^!(?:vault|env|secret|ref)\\b|^(?:os\\.environ|process\\.env|getenv|env\\.|ENV\\[)");

  private Placeholders() {}

  /** True when the value is not a secret but a stand-in for one. */
  static boolean isPlaceholder(String value) {
    String v = value.strip();
    if (v.isEmpty()) {
      return true;
    }
    if (WORDS.contains(v.toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (v.chars().noneMatch(Character::isLetterOrDigit)) {
      return true; // *, ----, ""
    }
    if (v.chars().distinct().count() <= 2 && v.length() >= 3) {
      return true; // ********, xxxxxxxx, ----, 00000000
    }
    if (v.startsWith("/") && !v.contains(" ") && v.indexOf('/', 1) > 0) {
      return true; // an absolute path names where the secret is, not the secret
    }
    return MARKERS.matcher(v).find() || TEMPLATE.matcher(v).find();
  }
}

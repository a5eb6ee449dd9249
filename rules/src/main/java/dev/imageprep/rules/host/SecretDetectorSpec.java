package dev.imageprep.rules.host;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A secret detector a rule file defines in the {@code detectors:} list of a {@code secrets} rule.
 * It is validated while the catalog loads (a bad regex is a catalog error at its line), and runs
 * like the built-in pattern detectors: only on lines holding one of its keywords, and with the
 * same placeholder and example suppression.
 *
 * <pre>{@code
 * detectors:
 *   - id: acme-api-token
 *     title: Acme API token
 *     severity: error
 *     keywords: [acme_]
 *     regex: '\bacme_[A-Za-z0-9]{32}\b'
 *     min-entropy: 3.0
 *     paths: ['/etc/acme/**', '*.conf']
 *     allow: ['^acme_0+$']
 *     source: Acme security team
 * }</pre>
 *
 * @param id lower-case words joined by dashes; the id of a built-in detector replaces that detector
 * @param keywords case-insensitive literals; the regex runs only on lines that hold one of them. With
 *     no keywords the detector runs over every line of the files its {@code paths} name
 * @param regex a Java regular expression; the secret is the group named {@code secret}, else group
 *     1, else the whole match
 * @param minEntropy minimum Shannon entropy (bits per character) of the secret, or null for none
 * @param minLength minimum length of the secret, or null for 1
 * @param paths image-path globs the detector is limited to; a glob without {@code /} matches the
 *     file name ({@code *.pem}), {@code **} crosses directories
 * @param allow regular expressions; a secret matching any of them is not a finding
 * @param source where the detector was learned from, or null
 */
public record SecretDetectorSpec(String id, String title, Severity severity, List<String> keywords, String regex,
    Double minEntropy, Integer minLength, List<String> paths, List<String> allow, String source) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Validates every field; the catalog reports the message at the detector's line. */
  public SecretDetectorSpec {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("detector id '" + id + "' must be lower-case words joined by '-'");
    }
    String what = "detector '" + id + "': ";
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException(what + "title is required");
    }
    severity = severity == null ? Severity.ERROR : severity;
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    paths = paths == null ? List.of() : List.copyOf(paths);
    allow = allow == null ? List.of() : List.copyOf(allow);
    for (String k : keywords) {
      if (k == null || k.strip().length() < 3) {
        throw new IllegalArgumentException(what + "keywords need at least 3 characters each (short ones match"
            + " everywhere and slow the scan down): '" + k + "'");
      }
      if (!k.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException(what + "keywords are printable ASCII: '" + k + "'");
      }
    }
    if (keywords.isEmpty() && paths.isEmpty()) {
      throw new IllegalArgumentException(what + "needs keywords, or paths to run on every line of");
    }
    if (regex == null || regex.isEmpty()) {
      throw new IllegalArgumentException(what + "regex is required");
    }
    compile(what + "regex", regex);
    allow.forEach(a -> compile(what + "allow", a));
    for (String p : paths) {
      if (p == null || p.isBlank() || p.contains("//")) {
        throw new IllegalArgumentException(what + "bad path glob '" + p + "'");
      }
    }
    if (minEntropy != null && (minEntropy < 0 || minEntropy > 8)) {
      throw new IllegalArgumentException(what + "min-entropy is in bits per character, between 0 and 8");
    }
    if (minLength != null && (minLength < 1 || minLength > 4096)) {
      throw new IllegalArgumentException(what + "min-length is between 1 and 4096");
    }
  }

  private static void compile(String what, String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(what + " does not compile: " + e.getDescription() + " near index "
          + e.getIndex() + " of '" + regex + "'");
    }
  }
}

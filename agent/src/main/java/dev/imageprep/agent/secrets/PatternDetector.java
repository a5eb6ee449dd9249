package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector that is a regular expression run on the line around a keyword (gitleaks' rule model):
 * the secret is the group named {@code secret}, else group 1, else the whole match; it must pass a
 * minimum length and entropy, must not be a placeholder or documented example, and must not match
 * the allow-list. Built-in token detectors and the detectors of rule files are all of this class.
 */
final class PatternDetector implements Detector {

  private final DetectorKind kind;
  private final List<String> keywords;
  private final Pattern pattern;
  private final int group;
  private final List<String> groupNames;
  private final PathPatterns paths;
  private final double minEntropy;
  private final int minLength;
  private final List<Pattern> allow;
  private final Predicate<String> validator;
  private final boolean checkPlaceholders;
  private final int reach;
  private final Predicate<String> checksum;
  private final DetectorKind unverified;
  private final Allow allowIf;
  private final boolean weakPasswords;

  private PatternDetector(Builder b) {
    this.kind = b.kind;
    this.keywords = List.copyOf(b.keywords);
    this.pattern = b.pattern;
    this.groupNames = !b.groups.isEmpty() ? List.copyOf(b.groups)
        : b.pattern.pattern().contains("(?<secret>") ? List.of("secret") : List.of();
    this.group = !groupNames.isEmpty() ? -1 : b.group >= 0 ? b.group : Math.min(1, b.pattern.matcher("").groupCount());
    this.paths = b.paths;
    this.minEntropy = b.minEntropy;
    this.minLength = b.minLength;
    this.allow = List.copyOf(b.allow);
    this.validator = b.validator;
    this.checkPlaceholders = b.checkPlaceholders;
    this.reach = b.reach;
    this.checksum = b.checksum;
    this.allowIf = b.allowIf;
    this.weakPasswords = b.weakPasswords;
    this.unverified = new DetectorKind(kind.id(), kind.title() + " (its checksum does not match: a made-up or"
        + " example value?)", kind.severity() == Severity.ERROR ? Severity.WARNING : kind.severity(), kind.source());
  }

  static Builder of(DetectorKind kind, String regex) {
    return new Builder(kind, Pattern.compile(regex));
  }

  static Builder of(DetectorKind kind, Pattern pattern) {
    return new Builder(kind, pattern);
  }

  @Override
  public List<DetectorKind> kinds() {
    List<DetectorKind> kinds = new ArrayList<>(List.of(kind));
    if (checksum != null) {
      kinds.add(unverified);
    }
    if (weakPasswords) {
      kinds.add(WeakPasswords.KIND);
    }
    return kinds;
  }

  @Override
  public List<String> keywords() {
    return keywords;
  }

  @Override
  public PathPatterns paths() {
    return paths;
  }

  @Override
  public int scan(FileText text, int hitStart, int hitEnd, Findings out) {
    int from;
    int to;
    if (keywords.isEmpty()) {
      from = 0;
      to = text.length();
    } else if (reach > 0) {
      from = text.lineStart(hitStart);
      to = Math.min(text.length(), Math.max(hitEnd, from + reach));
    } else {
      from = text.windowStart(hitStart);
      to = text.windowEnd(hitEnd);
    }
    Matcher m = pattern.matcher(text.chars());
    m.region(from, to);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    while (m.find()) {
      int start = -1;
      int end = -1;
      if (groupNames.isEmpty()) {
        start = m.start(group);
        end = m.end(group);
      }
      for (String name : groupNames) {
        if (m.start(name) >= 0) {
          start = m.start(name);
          end = m.end(name);
          break;
        }
      }
      if (start < 0) {
        continue;
      }
      String secret = text.text(start, end);
      // a common-word password outside a comment is a warning; in a comment it documents a setting
      if (weakPasswords && !text.inComment(start)
          && WeakPasswords.isWeakInMatch(secret, text.text(m.start(), m.end()), text.fileName())) {
        out.add(WeakPasswords.KIND, start, Redaction.redact(secret), secret, true);
        continue;
      }
      if (accepts(secret) && (allowIf == null || !allowIf.allows(text.path(), secret, text.text(m.start(), m.end()),
          text.text(text.lineStart(m.start()), text.lineEnd(m.end()))))) {
        // a token whose built-in checksum fails was never issued: still reported, but it does not block
        DetectorKind found = checksum == null || checksum.test(secret) ? kind : unverified;
        out.add(found, start, Redaction.redact(secret), secret, false);
      }
    }
    return to;
  }

  private boolean accepts(String secret) {
    if (secret.length() < minLength) {
      return false;
    }
    if (checkPlaceholders && Placeholders.isPlaceholder(secret)) {
      return false;
    }
    if (minEntropy > 0 && Entropy.of(secret) < minEntropy) {
      return false;
    }
    for (Pattern a : allow) {
      if (a.matcher(secret).find()) {
        return false;
      }
    }
    return validator.test(secret);
  }

  /** Decides that a match is allowed (not a finding) from where it is and what it is. */
  interface Allow {
    boolean allows(String path, String secret, String match, String line);
  }

  /** Options of a pattern detector; everything but the kind and the regex is optional. */
  static final class Builder {
    private final DetectorKind kind;
    private final Pattern pattern;
    private final List<String> keywords = new ArrayList<>();
    private PathPatterns paths = PathPatterns.ANY;
    private double minEntropy;
    private int minLength = 1;
    private final List<Pattern> allow = new ArrayList<>();
    private Predicate<String> validator = s -> true;
    private boolean checkPlaceholders = true;
    private int reach;
    private Predicate<String> checksum;
    private final List<String> groups = new ArrayList<>();
    private int group = -1;
    private boolean everywhere;
    private Allow allowIf;
    private boolean weakPasswords;

    private Builder(DetectorKind kind, Pattern pattern) {
      this.kind = kind;
      this.pattern = pattern;
    }

    Builder keywords(String... words) {
      keywords.addAll(List.of(words));
      return this;
    }

    Builder keywords(List<String> words) {
      keywords.addAll(words);
      return this;
    }

    Builder paths(List<String> globs) {
      paths = new PathPatterns(globs);
      return this;
    }

    Builder paths(String... globs) {
      return paths(List.of(globs));
    }

    Builder minEntropy(double bits) {
      minEntropy = bits;
      return this;
    }

    Builder minLength(int chars) {
      minLength = chars;
      return this;
    }

    Builder allow(List<String> regexes) {
      regexes.forEach(r -> allow.add(Pattern.compile(r)));
      return this;
    }

    /** A check the value must pass (a base64 value that must decode to user:password). */
    Builder validator(Predicate<String> test) {
      validator = test;
      return this;
    }

    /** The numbered group that holds the secret (gitleaks' secretGroup); 0 is the whole match. */
    Builder group(int number) {
      group = number;
      return this;
    }

    /** Limits the detector to paths a regular expression matches (gitleaks' path). */
    Builder pathRegex(Pattern regex) {
      paths = PathPatterns.regex(regex);
      return this;
    }

    /** Runs over every line of every file when there is no keyword (a gitleaks rule without keywords). */
    Builder everywhere() {
      everywhere = true;
      return this;
    }

    /** An allow-list that sees the path, the secret, the whole match and the line (gitleaks' allowlists). */
    Builder allowIf(Allow allow) {
      allowIf = allow;
      return this;
    }

    /** Alternative named groups holding the secret (a quoted or a bare value); the first that matched wins. */
    Builder groups(String... names) {
      groups.addAll(List.of(names));
      return this;
    }

    /**
     * The format's own checksum: a value that fails it is reported at warning level (a made-up
     * example or test fixture looks right but was never issued).
     */
    Builder checksum(Predicate<String> test) {
      checksum = test;
      return this;
    }

    /** The secret is a password: a common word ({@code secret}) is a weak password (a warning), not a stand-in. */
    Builder weakPasswords() {
      weakPasswords = true;
      return this;
    }

    /** For values that are never templates (structured tokens): skip the placeholder test. */
    Builder noPlaceholderCheck() {
      checkPlaceholders = false;
      return this;
    }

    /**
     * Match over a block that starts at the keyword's line and reaches this many bytes further,
     * for secrets whose key and value sit on different lines (XML, YAML).
     */
    Builder block(int bytes) {
      reach = bytes;
      return this;
    }

    PatternDetector build() {
      if (keywords.isEmpty() && paths.isEmpty() && !everywhere) {
        throw new IllegalArgumentException(kind.id() + ": a detector without keywords needs paths");
      }
      return new PatternDetector(this);
    }
  }
}

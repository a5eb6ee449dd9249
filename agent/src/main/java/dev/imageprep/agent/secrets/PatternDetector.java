package dev.imageprep.agent.secrets;

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
  private final String groupName;
  private final PathPatterns paths;
  private final double minEntropy;
  private final int minLength;
  private final List<Pattern> allow;
  private final Predicate<String> validator;
  private final boolean checkPlaceholders;
  private final int reach;

  private PatternDetector(Builder b) {
    this.kind = b.kind;
    this.keywords = List.copyOf(b.keywords);
    this.pattern = b.pattern;
    this.groupName = b.pattern.pattern().contains("(?<secret>") ? "secret" : null;
    this.group = groupName != null ? -1 : Math.min(1, b.pattern.matcher("").groupCount());
    this.paths = b.paths;
    this.minEntropy = b.minEntropy;
    this.minLength = b.minLength;
    this.allow = List.copyOf(b.allow);
    this.validator = b.validator;
    this.checkPlaceholders = b.checkPlaceholders;
    this.reach = b.reach;
  }

  static Builder of(DetectorKind kind, String regex) {
    return new Builder(kind, Pattern.compile(regex));
  }

  @Override
  public List<DetectorKind> kinds() {
    return List.of(kind);
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
      int start = groupName != null ? m.start(groupName) : m.start(group);
      int end = groupName != null ? m.end(groupName) : m.end(group);
      if (start < 0) {
        continue;
      }
      String secret = text.text(start, end);
      if (accepts(secret)) {
        out.add(kind, start, Redaction.redact(secret), false);
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
      if (keywords.isEmpty() && paths.isEmpty()) {
        throw new IllegalArgumentException(kind.id() + ": a detector without keywords needs paths");
      }
      return new PatternDetector(this);
    }
  }
}

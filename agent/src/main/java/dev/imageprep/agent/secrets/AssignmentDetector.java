package dev.imageprep.agent.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The generic detector for {@code key = value} settings whose key names a secret: {@code
 * password=...}, {@code DB_PASSWORD: ...}, {@code "client_secret": "..."}, {@code
 * <password>...</password>}, {@code --password=...}. It parses by hand from the keyword outwards
 * (no regex, so long lines cost linear time): the key around the keyword, an assignment operator,
 * then a quoted or bare value.
 *
 * <p>Passwords are reported whatever their strength (a weak password in an image is still a
 * password in every instance); tokens and secrets need length and entropy, like gitleaks'
 * generic-api-key rule. Commented-out lines need a value that is not a plain word. Specific
 * detectors win over this one on the same line.
 */
final class AssignmentDetector implements Detector {

  private static final int MAX_KEY = 64;
  private static final int MAX_VALUE = 512;

  /** Words in a key that say the value is about a secret, not the secret itself. */
  private static final Set<String> NOT_SECRET_KEY_WORDS = Set.of("file", "path", "dir", "length", "len", "min",
      "max", "age", "days", "policy", "prompt", "cmd", "command", "type", "field", "param", "regex", "pattern",
      "chars", "expire", "expires", "expiry", "reset", "change", "hint", "label", "mode", "strength", "reuse",
      "history", "complexity", "required", "enable", "enabled", "disable", "disabled", "url", "uri", "endpoint",
      "id", "name", "format", "encoding", "algorithm", "algo", "hash", "lifetime", "ttl", "timeout", "size",
      "count", "nopasswd", "lock", "check", "validity", "public", "pub", "generator", "provider", "encryption",
      "hashing", "manager");

  /** Source files: there a bare value is a variable or an expression, only a string literal is a value. */
  private static final Set<String> CODE_EXTENSIONS = Set.of("py", "pyi", "pl", "pm", "rb", "js", "mjs", "cjs", "ts",
      "java", "kt", "scala", "groovy", "go", "php", "c", "h", "cc", "cpp", "hpp", "cs", "rs", "lua", "swift", "r");

  /** Words that end in "pass" but say nothing about a password. */
  private static final Set<String> NOT_PASSWORD_WORDS = Set.of("bypass", "compass", "surpass", "overpass", "underpass",
      "passive", "passage", "passenger", "passthrough", "passthru", "passing", "passed", "passes", "passport",
      "passable", "pass_through", "firstpass", "onepass", "multipass", "lowpass", "highpass", "bandpass");

  /** Whole key words that name a password; a key that is only "pass" is too often something else (pass="oobeSystem"). */
  private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "passphrase", "passwort", "pwd", "pw",
      "pswd", "passcode", "passw", "pword", "psw");

  /** A dotted name ({@code handler.password}, {@code _ffi.NULL}) or a CamelCase class name, unquoted. */
  private static final java.util.regex.Pattern CODE_NAME = java.util.regex.Pattern.compile(
      "[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+|[A-Z][a-z]+(?:[A-Z][a-z]+)+");

  /** Words about a password inside the value: a description, not the password. */
  private static final java.util.regex.Pattern DESCRIPTION = java.util.regex.Pattern.compile(
      "(?i)\\bpass(?:word|phrase)s?\\s+\\w");

  /** A CSS or DOM id selector ({@code #add-password}), which code assigns to password-named variables. */
  private static final java.util.regex.Pattern CSS_ID = java.util.regex.Pattern.compile("#[a-z]+(?:[-_][a-z]+)+");

  private final DetectorKind kind;
  private final List<String> keywords;
  private final int minLength;
  private final double minEntropy;
  private final Predicate<String> keyTest;
  private final boolean weakPasswords;

  /**
   * @param keywords words of the key that make it a secret's key
   * @param minLength shortest value reported
   * @param minEntropy lowest entropy reported, 0 for none (passwords)
   * @param keyTest what a key holding a keyword must also be ({@code pw} in {@code pwm_mode} is no password)
   * @param weakPasswords whether a common-word value ({@code secret}) is a weak password (a warning)
   *     rather than a stand-in
   */
  AssignmentDetector(DetectorKind kind, List<String> keywords, int minLength, double minEntropy,
      Predicate<String> keyTest, boolean weakPasswords) {
    this.kind = kind;
    this.keywords = List.copyOf(keywords);
    this.minLength = minLength;
    this.minEntropy = minEntropy;
    this.keyTest = keyTest;
    this.weakPasswords = weakPasswords;
  }

  @Override
  public List<DetectorKind> kinds() {
    return weakPasswords ? List.of(kind, WeakPasswords.KIND) : List.of(kind);
  }

  @Override
  public List<String> keywords() {
    return keywords;
  }

  @Override
  public boolean generic() {
    return true;
  }

  @Override
  public int scan(FileText t, int hitStart, int hitEnd, Findings out) {
    int keyStart = hitStart;
    while (keyStart > 0 && hitStart - keyStart < MAX_KEY && isKeyChar(t.byteAt(keyStart - 1))) {
      keyStart--;
    }
    int keyEnd = hitEnd;
    while (keyEnd < t.length() && keyEnd - hitEnd < MAX_KEY && isKeyChar(t.byteAt(keyEnd))) {
      keyEnd++;
    }
    keyEnd = secondKeyWord(t, keyEnd);
    String key = t.text(keyStart, keyEnd);
    if (!isSecretKey(key) || !keyTest.test(key) || keyStart > 0 && t.byteAt(keyStart - 1) == '/') {
      return keyEnd; // "/forgot-password": a path, not a key
    }
    boolean xml = keyStart > 0 && t.byteAt(keyStart - 1) == '<';
    boolean define = isDefine(t, keyStart);
    int i = xml ? afterAttributes(t, keyEnd) : keyEnd;
    if (i < t.length() && (t.byteAt(i) == '"' || t.byteAt(i) == '\'')) {
      i++; // "password": ...
    }
    int blanks = i;
    i = skipBlanks(t, i);
    // a value right after the colon (password:hunter2, -pwd:x, token:Ab3x...): a password's key must say
    // so plainly, a token's value must look random anyway; not a segment of an ARN (arn:aws:...:secret:name)
    boolean tight = (minEntropy > 0 || isPasswordKey(key.replaceFirst("^-+", "")))
        && !(keyStart > 0 && t.byteAt(keyStart - 1) == ':');
    int op = define ? (i > blanks && i < t.length() && t.byteAt(i) == '"' ? 0 : -1)
        : operatorLength(t, i, xml, tight);
    if (op < 0 || op == 0 && !define) {
      return keyEnd;
    }
    i = skipBlanks(t, i + op);
    int lineEnd = t.lineEnd(i);
    boolean flag = t.byteAt(keyStart) == '-'; // --password=... is followed by more arguments
    Value value = xml ? xmlValue(t, i, lineEnd) : value(t, i, lineEnd, flag);
    boolean comment = !define && t.inComment(hitStart);
    boolean weak = value != null && weakPasswords
        && WeakPasswords.isWeak(value.text(), key, value.quoted(), t.fileName());
    if (value == null || define && !value.quoted() || !accepts(value, comment, isCode(t.fileName()), weak)
        || value.quoted() && t.byteAt(i) != '\\' && closesEnclosingString(t, keyStart, keyEnd, i)) {
      return keyEnd;
    }
    out.add(weak ? WeakPasswords.KIND : kind, i, Redaction.redact(value.text()), value.text(), true);
    return keyEnd;
  }

  /** A value as written: its text, and whether it was a quoted string. */
  private record Value(String text, boolean quoted, boolean backticks) {
    Value(String text, boolean quoted) {
      this(text, quoted, false);
    }
  }

  /** @param weak a common-word password: not dropped as a stand-in */
  private boolean accepts(Value v, boolean comment, boolean code, boolean weak) {
    String value = v.text();
    if (value.length() < minLength || !weak && Placeholders.isPlaceholder(value)) {
      return false;
    }
    if (v.backticks() && value.contains("$")) {
      return false; // `cd "$dir" && ls`: a shell command substitution
    }
    if (v.quoted() && (Character.isWhitespace(value.charAt(0)) || value.charAt(0) == '+')
        || CSS_ID.matcher(value).matches()) {
      return false; // "password: " + x, "+new Buffer(", "#add-password": code around the word, not a value
    }
    if (!v.quoted() && (code || value.contains("(") || value.contains("[") || CODE_NAME.matcher(value).matches())) {
      return false; // password=self.password, $pwd=getcwd(), config['password'], GpgMissingPassPhrase: code
    }
    if (DESCRIPTION.matcher(value).find()) {
      return false; // 'Password used to generate key': a description of the setting
    }
    if (minEntropy > 0) {
      // a token: random-looking, one word, letters and digits
      boolean digit = value.chars().anyMatch(Character::isDigit);
      boolean letter = value.chars().anyMatch(Character::isLetter);
      if (Entropy.of(value) < minEntropy || !digit || !letter || value.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
    }
    if (comment) {
      // "# password = secret" documents a setting; "# old password: Hunter2!" leaks one
      return value.length() >= 6 && value.chars().anyMatch(c -> !Character.isLetter(c));
    }
    return true;
  }

  /**
   * A key that names a password: a word of it is one ({@code db_pw}, {@code PWD}, {@code
   * mysql.pass}), or its last word ends in one ({@code DBPASS}, {@code adminPassword}) but is not a
   * word like {@code bypass}.
   */
  static boolean isPasswordKey(String key) {
    if (key.equals("PASS")) {
      return true; // a shell or Makefile variable; lower-case "pass" is too often something else
    }
    String[] words = words(key);
    for (String w : words) {
      if (PASSWORD_WORDS.contains(w)) {
        return true;
      }
    }
    String last = words.length == 0 ? "" : words[words.length - 1];
    if (words.length > 1 && last.equals("pass")) {
      return true; // db_pass, mysql.pass
    }
    if (last.contains("password") || last.contains("passwd") || last.contains("passphrase")) {
      return true;
    }
    return (last.endsWith("pass") && last.length() > 4 || last.endsWith("pwd")) && !NOT_PASSWORD_WORDS.contains(last);
  }

  private static String[] words(String key) {
    String[] words = key.split("[-_.]+|(?<=[a-z0-9])(?=[A-Z])");
    for (int i = 0; i < words.length; i++) {
      words[i] = words[i].toLowerCase(Locale.ROOT);
    }
    return words;
  }

  /** Second words that make one key with the first: {@code SECRET KEY:}, {@code Secret Key =}, {@code API token:}. */
  private static final Set<String> SECOND_KEY_WORDS = Set.of("key", "token", "secret", "password", "passwd", "pwd");

  /**
   * The end of a two-word key ({@code SECRET KEY: ...}): one blank, a word that names a secret, then
   * an operator; otherwise {@code keyEnd} unchanged.
   */
  private static int secondKeyWord(FileText t, int keyEnd) {
    if (keyEnd >= t.length() || t.byteAt(keyEnd) != ' ') {
      return keyEnd;
    }
    int end = keyEnd + 1;
    while (end < t.length() && end - keyEnd <= 9 && Character.isLetter(t.byteAt(end))) {
      end++;
    }
    boolean operator = end < t.length() && (t.byteAt(end) == ':' || t.byteAt(end) == '=');
    return operator && SECOND_KEY_WORDS.contains(t.text(keyEnd + 1, end).toLowerCase(Locale.ROOT)) ? end : keyEnd;
  }

  /** After an XML element name with attributes ({@code <password name="x">}): the closing {@code >}. */
  private static int afterAttributes(FileText t, int keyEnd) {
    if (keyEnd >= t.length() || t.byteAt(keyEnd) != ' ') {
      return keyEnd;
    }
    int lineEnd = t.lineEnd(keyEnd);
    for (int k = keyEnd; k < lineEnd && k - keyEnd < 200; k++) {
      if (t.byteAt(k) == '>') {
        return t.byteAt(k - 1) == '/' ? keyEnd : k; // <password value="x"/> has no text
      }
    }
    return keyEnd;
  }

  /** True for the name of a C macro: {@code #define DB_PASSWORD "..."}. */
  private static boolean isDefine(FileText t, int keyStart) {
    int i = t.lineStart(keyStart);
    while (i < keyStart && (t.byteAt(i) == ' ' || t.byteAt(i) == '\t')) {
      i++;
    }
    if (keyStart - i < 8 || !t.text(i, i + 7).equals("#define")) {
      return false;
    }
    for (int k = i + 7; k < keyStart; k++) {
      if (t.byteAt(k) != ' ' && t.byteAt(k) != '\t') {
        return false;
      }
    }
    return true;
  }

  static boolean isSecretKey(String key) {
    // words split at separators and at camelCase humps: password_file, passwordLength, tokenUrl
    for (String word : key.split("[-_.]+|(?<=[a-z0-9])(?=[A-Z])")) {
      if (NOT_SECRET_KEY_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isKeyChar(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
  }

  private static int skipBlanks(FileText t, int i) {
    while (i < t.length() && (t.byteAt(i) == ' ' || t.byteAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /**
   * {@code =}, {@code :}, {@code :=}, {@code =>}, or {@code >} closing an XML start tag; not {@code
   * ==}. A typed declaration ({@code password: str = "..."}) counts up to its {@code =}; with
   * {@code tight}, a value may follow the colon without a blank ({@code password:hunter2}).
   */
  private static int operatorLength(FileText t, int i, boolean xml, boolean tight) {
    if (i >= t.length()) {
      return 0;
    }
    int c = t.byteAt(i);
    int d = i + 1 < t.length() ? t.byteAt(i + 1) : -1;
    if (xml) {
      return c == '>' ? 1 : 0;
    }
    if (c == '=' && d == '>') {
      return 2;
    }
    if (c == '=' && d != '=') {
      return 1;
    }
    if (c == ':' && d == '=') {
      return 2;
    }
    if (c == ':' && (d == ' ' || d == '\t')) {
      int typed = typeAnnotation(t, i + 1);
      if (typed > 0) {
        return typed - i;
      }
    }
    if (c == ':' && (d == ' ' || d == '\t' || d == '"' || d == '\'' || d == '\r' || d == '\n' || d < 0)) {
      return 1; // YAML and JSON: "key: value"; "name:amd64" is one word, not a setting
    }
    if (c == ':' && tight && d > ' ' && d != ':' && d != '/' && d != '=') {
      return 1; // password:hunter2
    }
    return 0;
  }

  /**
   * True when the key sits inside a string literal and the quote after the operator closes that
   * string: {@code "password: " + getPassword()} is code that builds a message, not a setting.
   */
  private static boolean closesEnclosingString(FileText t, int keyStart, int keyEnd, int valueStart) {
    int q = t.byteAt(valueStart);
    // a quoted key ("password": ...) is not inside a string: its own opening quote does not count
    boolean quotedKey = keyStart > 0 && t.byteAt(keyStart - 1) == q && keyEnd < t.length() && t.byteAt(keyEnd) == q;
    int count = 0;
    for (int k = t.lineStart(keyStart); k < (quotedKey ? keyStart - 1 : keyStart); k++) {
      if (t.byteAt(k) == q && (k == 0 || t.byteAt(k - 1) != '\\')) {
        count++;
      }
    }
    return count % 2 == 1;
  }

  /** After {@code key:}, a type name and {@code =} ({@code password: str = "x"}): the offset after the {@code =}. */
  private static int typeAnnotation(FileText t, int i) {
    int j = skipBlanks(t, i);
    int start = j;
    while (j < t.length() && j - start < 40 && (isKeyChar(t.byteAt(j)) || t.byteAt(j) == '[' || t.byteAt(j) == ']'
        || t.byteAt(j) == '?')) {
      j++;
    }
    if (j == start || !Character.isLetter(t.byteAt(start))) {
      return -1;
    }
    j = skipBlanks(t, j);
    return j < t.length() && t.byteAt(j) == '=' && (j + 1 >= t.length() || t.byteAt(j + 1) != '=') ? j + 1 : -1;
  }

  /**
   * A quoted value up to its closing quote, or a bare value up to a blank, a comma, a semicolon or a
   * comment. A bare value followed by more words is prose ({@code challengePassword = A challenge
   * password}), not a setting: null.
   */
  private static Value value(FileText t, int i, int lineEnd, boolean flag) {
    if (i >= lineEnd) {
      return null;
    }
    int q = t.byteAt(i);
    if (q == '\\' && i + 1 < lineEnd && (t.byteAt(i + 1) == '"' || t.byteAt(i + 1) == '\'')) {
      // an escaped quote: the setting sits inside a string of code ("$password = \"x\";")
      int close = i + 2;
      while (close + 1 < lineEnd && close - i < MAX_VALUE && !(t.byteAt(close) == '\\' && t.byteAt(close + 1) == t.byteAt(i + 1))) {
        close++;
      }
      return close + 1 < lineEnd ? new Value(t.text(i + 2, close), true) : null;
    }
    if (q == '"' || q == '\'' || q == '`') {
      int close = i + 1;
      while (close < lineEnd && close - i < MAX_VALUE && t.byteAt(close) != q) {
        close += t.byteAt(close) == '\\' ? 2 : 1;
      }
      return close < lineEnd && t.byteAt(close) == q ? new Value(t.text(i + 1, close), true, q == '`') : null;
    }
    int end = i;
    while (end < lineEnd && end - i < MAX_VALUE && !isValueEnd(t.byteAt(end))) {
      end++;
    }
    int rest = skipBlanks(t, end);
    if (rest < lineEnd && t.byteAt(rest) == '\r') {
      rest++;
    }
    if (rest < lineEnd && !flag) {
      int c = t.byteAt(rest);
      boolean tail = c == '#' || c == ';' || c == ',' || c == '}' || c == ']' || c == ')' || c == '&' || c == '|'
          || c == '/' || c == '\\' || c == '"' || c == '\''; // a quote: the end of the string the setting is in
      if (!tail) {
        return null;
      }
    }
    return new Value(t.text(i, end), false);
  }

  private static boolean isValueEnd(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == ',' || c == ';' || c == '"' || c == '\'' || c == '}'
        || c == ']' || c == '<' || c == '&' || c == '|';
  }

  private static Value xmlValue(FileText t, int i, int lineEnd) {
    int end = i;
    while (end < lineEnd && end - i < MAX_VALUE && t.byteAt(end) != '<') {
      end++;
    }
    return end < lineEnd ? new Value(t.text(i, end).strip(), true) : null;
  }

  /** True for a source file of a programming language, by its extension. */
  static boolean isCode(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 && CODE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}

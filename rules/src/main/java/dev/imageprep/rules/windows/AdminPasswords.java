package dev.imageprep.rules.windows;

import dev.imageprep.rules.yaml.YamlTree;
import dev.imageprep.rules.yaml.YamlTree.Mapping;
import dev.imageprep.rules.yaml.YamlTree.Node;
import dev.imageprep.rules.yaml.YamlTree.Scalar;
import dev.imageprep.rules.yaml.YamlTree.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the administrator-password settings of the EC2 launch agents and of Windows answer files,
 * and blanks a clear-text password where the agent allows a random one instead. The formats:
 *
 * <pre>
 * EC2Launch v1, C:\ProgramData\Amazon\EC2-Windows\Launch\Config\LaunchConfig.json:
 *   {
 *     "setComputerName": false,
 *     "handleUserData": true,
 *     "adminPasswordType": "Specify",
 *     "adminPassword": "Sup3r-S3cret!"
 *   }
 *
 * EC2Launch v2, C:\ProgramData\Amazon\EC2Launch\config\agent-config.yml:
 *   - stage: preReady
 *     tasks:
 *     - task: setAdminAccount
 *       inputs:
 *         name: Administrator
 *         password:
 *           type: static
 *           data: Sup3r-S3cret!
 *
 * Answer file (unattend.xml, sysprep2008.xml):
 *   &lt;AdministratorPassword&gt;
 *     &lt;Value&gt;Sup3r-S3cret!&lt;/Value&gt;
 *     &lt;PlainText&gt;true&lt;/PlainText&gt;
 *   &lt;/AdministratorPassword&gt;
 * </pre>
 *
 * With {@code PlainText false} an answer file holds the password in Base64 (of the password and
 * the element's name in UTF-16), which anyone can decode: it is reported all the same.
 */
public final class AdminPasswords {

  private static final Pattern XML_PASSWORD = Pattern.compile(
      "<((?:\\w+:)?(?:AdministratorPassword|Password))\\b[^>]*>(.*?)</\\1\\s*>", Pattern.DOTALL);
  private static final Pattern XML_VALUE = Pattern.compile("<(?:\\w+:)?Value\\b[^>]*>(.*?)</(?:\\w+:)?Value\\s*>",
      Pattern.DOTALL);
  private static final Pattern XML_PLAIN = Pattern.compile("<(?:\\w+:)?PlainText\\b[^>]*>\\s*(\\w+)\\s*<",
      Pattern.DOTALL);

  /** The largest configuration file read or edited. */
  public static final long MAX_BYTES = 1 << 20;

  private AdminPasswords() {}

  /** The file formats this class reads. */
  public enum Format {
    /** EC2Launch v1 {@code LaunchConfig.json}. */
    LAUNCH_CONFIG_JSON,
    /** EC2Launch v2 {@code agent-config.yml}. */
    AGENT_CONFIG_YAML,
    /** A Windows answer file. */
    UNATTEND_XML;

    /** Picks the format from the file's name. */
    public static Format of(String fileName) {
      String n = fileName.toLowerCase(Locale.ROOT);
      if (n.endsWith(".json")) {
        return LAUNCH_CONFIG_JSON;
      }
      if (n.endsWith(".yml") || n.endsWith(".yaml")) {
        return AGENT_CONFIG_YAML;
      }
      return UNATTEND_XML;
    }
  }

  /**
   * What one file says about the administrator password.
   *
   * @param policy the password type as the file names it ({@code Random}, {@code Specify}, {@code
   *     static}, {@code random}, {@code doNothing}), or empty when the file does not set one
   * @param secrets clear-text (or trivially encoded) passwords found, never with their values
   */
  public record Settings(Optional<String> policy, int policyLine, List<Secret> secrets) {}

  /** A password found in a file: where, what kind, and its value redacted. */
  public record Secret(int line, String kind, String redacted) {}

  /** A file that could not be parsed. */
  public static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
      super(message);
    }
  }

  public static Settings read(Format format, String rawText) throws FormatException {
    String text = ConfigText.normalize(rawText);
    return switch (format) {
      case LAUNCH_CONFIG_JSON -> readLaunchConfig(text);
      case AGENT_CONFIG_YAML -> readAgentConfig(text);
      case UNATTEND_XML -> readUnattend(text);
    };
  }

  private static Settings readLaunchConfig(String text) throws FormatException {
    Node root = compose(text);
    if (!(root instanceof Mapping m)) {
      return new Settings(Optional.empty(), 0, List.of());
    }
    Optional<Scalar> type = scalar(m, "adminPasswordType");
    Optional<Scalar> password = scalar(m, "adminPassword");
    List<Secret> secrets = new ArrayList<>();
    password.filter(p -> !p.value().isEmpty()).ifPresent(p -> secrets.add(new Secret(p.line(),
        "ec2launch-admin-password", "adminPassword " + Redacted.of(p.value()) + " in clear text")));
    return new Settings(type.map(Scalar::value), type.map(Scalar::line).orElse(0), secrets);
  }

  private static Settings readAgentConfig(String text) throws FormatException {
    Node root = compose(text);
    Optional<Mapping> password = adminAccountPassword(root);
    if (password.isEmpty()) {
      return new Settings(Optional.empty(), 0, List.of());
    }
    Optional<Scalar> type = scalar(password.get(), "type");
    Optional<Scalar> data = scalar(password.get(), "data");
    List<Secret> secrets = new ArrayList<>();
    data.filter(d -> !d.value().isEmpty()).ifPresent(d -> secrets.add(new Secret(d.line(),
        "ec2launch-admin-password", "setAdminAccount password data " + Redacted.of(d.value()) + " in clear text")));
    return new Settings(type.map(Scalar::value), type.map(Scalar::line).orElse(0), secrets);
  }

  private static Settings readUnattend(String text) {
    List<Secret> secrets = new ArrayList<>();
    Matcher m = XML_PASSWORD.matcher(text);
    while (m.find()) {
      Matcher value = XML_VALUE.matcher(m.group(2));
      if (!value.find() || value.group(1).isBlank()) {
        continue;
      }
      Matcher plain = XML_PLAIN.matcher(m.group(2));
      boolean clear = !plain.find() || plain.group(1).equalsIgnoreCase("true");
      int line = lineAt(text, m.start(2) + value.start(1));
      String element = m.group(1).replaceFirst("^\\w+:", "");
      secrets.add(new Secret(line, clear ? "unattend-clear-text-password" : "unattend-encoded-password",
          element + " " + Redacted.of(value.group(1).strip()) + (clear ? " in clear text (PlainText true)"
              : " Base64-encoded (PlainText false), which anyone can decode")));
    }
    return new Settings(Optional.empty(), 0, secrets);
  }

  /**
   * Blanks the clear-text password of a launch agent's configuration and switches it to a random
   * password, changing only those two values so the rest of the file keeps its form.
   *
   * @return the new text, or empty when there is nothing to change
   * @throws FormatException when the file cannot be parsed or is an answer file (those are removed,
   *     not edited)
   */
  public static Optional<String> clear(Format format, String text) throws FormatException {
    Node root = compose(ConfigText.normalize(text));
    if (format == Format.UNATTEND_XML) {
      throw new FormatException("answer files are not edited");
    }
    String prefix = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    String body = text.substring(prefix.length());
    if (!body.equals(ConfigText.normalize(text))) {
      throw new FormatException("not a UTF-8 file; not changed");
    }
    Optional<Scalar> type;
    Optional<Scalar> secret;
    String random;
    if (format == Format.LAUNCH_CONFIG_JSON) {
      if (!(root instanceof Mapping m)) {
        return Optional.empty();
      }
      type = scalar(m, "adminPasswordType");
      secret = scalar(m, "adminPassword");
      random = "Random";
    } else {
      Optional<Mapping> password = adminAccountPassword(root);
      if (password.isEmpty()) {
        return Optional.empty();
      }
      type = scalar(password.get(), "type");
      secret = scalar(password.get(), "data");
      random = "random";
    }
    if (secret.isEmpty() || secret.get().value().isEmpty()) {
      return Optional.empty();
    }
    for (Optional<Scalar> n : List.of(type, secret)) {
      if (n.isPresent() && (n.get().style() == YamlTree.Style.LITERAL || n.get().style() == YamlTree.Style.FOLDED)) {
        throw new FormatException("a multi-line value at line " + n.get().line() + "; not changed");
      }
    }
    List<int[]> edits = new ArrayList<>();
    List<String> replacements = new ArrayList<>();
    edits.add(range(secret.get(), body));
    replacements.add(quote(secret.get(), ""));
    if (type.isPresent() && !type.get().value().equalsIgnoreCase(random)) {
      edits.add(range(type.get(), body));
      replacements.add(quote(type.get(), random));
    }
    StringBuilder out = new StringBuilder(body);
    // apply from the end so that earlier offsets stay valid
    List<Integer> order = new ArrayList<>(List.of(0, 1).subList(0, edits.size()));
    order.sort((a, b) -> Integer.compare(edits.get(b)[0], edits.get(a)[0]));
    for (int i : order) {
      out.replace(edits.get(i)[0], edits.get(i)[1], replacements.get(i));
    }
    return Optional.of(prefix + out);
  }

  private static Optional<Mapping> adminAccountPassword(Node node) {
    if (node instanceof Mapping m) {
      Optional<Scalar> task = scalar(m, "task");
      if (task.isPresent() && task.get().value().equalsIgnoreCase("setAdminAccount")) {
        return m.getIgnoringCase("inputs").flatMap(inputs -> inputs instanceof Mapping im ? im.getIgnoringCase("password")
            : Optional.empty()).filter(Mapping.class::isInstance).map(Mapping.class::cast);
      }
      for (YamlTree.Entry e : m.entries()) {
        Optional<Mapping> found = adminAccountPassword(e.value());
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node instanceof Sequence s) {
      for (Node n : s.items()) {
        Optional<Mapping> found = adminAccountPassword(n);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Node compose(String text) throws FormatException {
    try {
      return YamlTree.compose(text, 10, 1 << 20).orElseThrow(() -> new FormatException("the file is empty"));
    } catch (IllegalArgumentException e) {
      throw new FormatException("not valid JSON or YAML: " + e.getMessage());
    }
  }

  private static Optional<Scalar> scalar(Mapping m, String key) {
    return m.getIgnoringCase(key).filter(Scalar.class::isInstance).map(Scalar.class::cast);
  }

  /** The node's span in {@code text} as char offsets (the parser counts code points). */
  private static int[] range(Scalar n, String text) {
    return new int[] {text.offsetByCodePoints(0, n.start()), text.offsetByCodePoints(0, n.end())};
  }

  private static String quote(Scalar original, String value) {
    return switch (original.style()) {
      case DOUBLE_QUOTED -> "\"" + value + "\"";
      case SINGLE_QUOTED -> "'" + value + "'";
      default -> value.isEmpty() ? "\"\"" : value;
    };
  }

  private static int lineAt(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

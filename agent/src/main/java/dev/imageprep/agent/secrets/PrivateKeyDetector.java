package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM and OpenSSH private keys ({@code -----BEGIN ... PRIVATE KEY-----}) and PuTTY {@code .ppk} keys.
 * A key protected by a passphrase is reported as a warning: it still should not ship, but it is not
 * usable as found.
 */
public final class PrivateKeyDetector implements Detector {

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |ANY )?PRIVATE KEY)-----(.*?)-----END \\1-----",
      Pattern.DOTALL);
  private static final Pattern PUTTY = Pattern.compile("(?m)^PuTTY-User-Key-File-([23]):\\s*(\\S+)\\s*$");
  private static final Pattern PUTTY_ENCRYPTION = Pattern.compile("(?m)^Encryption:\\s*(\\S+)\\s*$");

  @Override
  public String id() {
    return "private-key";
  }

  @Override
  public List<SecretFinding> scan(ImagePath path, String text) {
    List<SecretFinding> out = new ArrayList<>();
    if (text.contains("PRIVATE KEY-----")) {
      Matcher m = PEM.matcher(text);
      while (m.find()) {
        String kind = m.group(1);
        String body = m.group(2);
        boolean encrypted = kind.startsWith("ENCRYPTED") || body.contains("Proc-Type: 4,ENCRYPTED")
            || (kind.startsWith("OPENSSH") && opensshEncrypted(body));
        String detector = kind.startsWith("OPENSSH") ? "openssh-private-key" : "pem-private-key";
        String title = (encrypted ? "encrypted " : "") + kind.toLowerCase(java.util.Locale.ROOT).replace(" key", " key");
        out.add(new SecretFinding(path, lineOf(text, m.start()), detector,
            encrypted ? Severity.WARNING : Severity.ERROR, title,
            "-----BEGIN " + kind + "----- (" + body.strip().length() + " characters, redacted)"));
      }
    }
    if (text.startsWith("PuTTY-User-Key-File-") || text.contains("\nPuTTY-User-Key-File-")) {
      Matcher m = PUTTY.matcher(text);
      while (m.find()) {
        Matcher enc = PUTTY_ENCRYPTION.matcher(text);
        boolean encrypted = enc.find(m.end()) && !enc.group(1).equals("none");
        out.add(new SecretFinding(path, lineOf(text, m.start()), "putty-private-key",
            encrypted ? Severity.WARNING : Severity.ERROR,
            (encrypted ? "encrypted " : "") + "PuTTY private key (v" + m.group(1) + ", " + m.group(2) + ")",
            "PuTTY-User-Key-File-" + m.group(1) + " (redacted)"));
      }
    }
    return out;
  }

  /** The openssh-key-v1 container names its cipher right after the magic: "none" means no passphrase. */
  static boolean opensshEncrypted(String body) {
    String b64 = body.replaceAll("\\s+", "");
    try {
      byte[] raw = Base64.getDecoder().decode(b64.length() > 200 ? b64.substring(0, 200 - 200 % 4) : b64);
      byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
      if (raw.length < magic.length + 4) {
        return false;
      }
      int len = ((raw[magic.length] & 0xff) << 24) | ((raw[magic.length + 1] & 0xff) << 16)
          | ((raw[magic.length + 2] & 0xff) << 8) | (raw[magic.length + 3] & 0xff);
      if (len <= 0 || len > 64 || raw.length < magic.length + 4 + len) {
        return false;
      }
      String cipher = new String(raw, magic.length + 4, len, StandardCharsets.US_ASCII);
      return !cipher.equals("none");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

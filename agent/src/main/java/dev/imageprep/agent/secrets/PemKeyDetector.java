package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Private keys in PEM armour: PKCS#1 ({@code RSA}, {@code DSA}, {@code EC}), PKCS#8, encrypted
 * PKCS#8, OpenSSH's own format, PGP secret key blocks and SSH2 (ssh.com) keys. Certificates and
 * public keys have other labels and are never findings; a block with too little key material is a
 * documentation stub ({@code ...}) and is skipped. A key protected by a passphrase is reported as a
 * warning: it should not ship, but it is not usable as found.
 *
 * <pre>
 * -----BEGIN OPENSSH PRIVATE KEY-----
 * b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
 * ...
 * -----END OPENSSH PRIVATE KEY-----
 * </pre>
 */
final class PemKeyDetector implements Detector {

  static final DetectorKind PEM = new DetectorKind("private-key", "Private key (PEM)", Severity.ERROR,
      "gitleaks private-key rule; detect-secrets PrivateKeyDetector");
  static final DetectorKind OPENSSH = new DetectorKind("openssh-private-key", "OpenSSH private key", Severity.ERROR,
      "gitleaks private-key rule; OpenSSH PROTOCOL.key (openssh-key-v1 format)");
  static final DetectorKind ENCRYPTED = new DetectorKind("encrypted-private-key",
      "Private key protected by a passphrase", Severity.WARNING,
      "trufflehog privatekey detector (encrypted keys reported unverified); RFC 5958 EncryptedPrivateKeyInfo");

  /** Longest key block looked at: an RSA-16384 PKCS#8 key is about 13 KB. */
  private static final int MAX_BLOCK = 64 * 1024;

  /** Base64 characters a real key has at the least (an Ed25519 OpenSSH key has about 300). */
  private static final int MIN_KEY_CHARS = 64;

  private static final Pattern BEGIN = Pattern.compile(
      "-{4,5} ?BEGIN ((?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?) ?-{4,5}");

  @Override
  public List<DetectorKind> kinds() {
    return List.of(PEM, OPENSSH, ENCRYPTED);
  }

  @Override
  public List<String> keywords() {
    return List.of("-----begin ", "---- begin ssh2 ");
  }

  @Override
  public int scan(FileText t, int hitStart, int hitEnd, Findings out) {
    int blockEnd = Math.min(t.length(), hitStart + MAX_BLOCK);
    Matcher begin = BEGIN.matcher(t.chars());
    begin.region(hitStart, Math.min(blockEnd, t.windowEnd(hitEnd)));
    if (!begin.lookingAt()) {
      return hitEnd; // a certificate, a public key, a CSR
    }
    String label = begin.group(1);
    int bodyStart = begin.end();
    String endMarker = "END " + label;
    int end = indexOf(t, endMarker, bodyStart, blockEnd);
    int bodyEnd = end < 0 ? blockEnd : end;
    boolean prefixed = !t.text(t.lineStart(hitStart), hitStart).isBlank()
        && t.text(t.lineStart(hitStart), hitStart).chars().anyMatch(Character::isLetterOrDigit);
    Body body = Body.read(t, bodyStart, bodyEnd, prefixed);
    int covered = end < 0 ? bodyEnd : t.lineEnd(end);
    if (body.keyChars() < MIN_KEY_CHARS) {
      return covered;
    }
    boolean encrypted = label.contains("ENCRYPTED") || body.procTypeEncrypted()
        || (label.startsWith("OPENSSH") && opensshCipher(body.base64()).map(c -> !c.equals("none")).orElse(false));
    DetectorKind kind = encrypted ? ENCRYPTED : label.startsWith("OPENSSH") ? OPENSSH : PEM;
    String what = label.toLowerCase(Locale.ROOT);
    out.add(kind, hitStart, "-----BEGIN " + label + "----- (" + body.keyChars() + " chars of key material, redacted)"
        + (kind == ENCRYPTED ? "; " + what : ""), body.base64(), false);
    return covered;
  }

  private static int indexOf(FileText t, String marker, int from, int to) {
    byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
    byte[] d = t.data();
    outer:
    for (int i = from; i + m.length <= to; i++) {
      for (int j = 0; j < m.length; j++) {
        if (d[i + j] != m[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The base64 body of a block, without its {@code Key: value} headers. */
  private record Body(String base64, boolean procTypeEncrypted) {
    /**
     * @param prefix what stands before {@code -----BEGIN} on its line (a log line's time stamp and
     *     source): when there is one, every line of the key carries one too, and only its last word is key
     */
    static Body read(FileText t, int from, int to, boolean prefix) {
      StringBuilder b64 = new StringBuilder();
      boolean encrypted = false;
      // a key inside a JSON or code string has its line breaks escaped: "-----BEGIN ...-----\nMIIE...\n"
      String region = t.text(from, to).replace("\\r\\n", "\n").replace("\\n", "\n");
      for (String raw : region.split("\n")) {
        String line = raw.strip();
        if (prefix) {
          line = line.substring(Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1);
        }
        if (line.indexOf(':') > 0) {
          encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
        } else {
          for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
              b64.append(c);
            }
          }
        }
      }
      return new Body(b64.toString(), encrypted);
    }

    int keyChars() {
      return base64.length();
    }
  }

  /** The cipher name the openssh-key-v1 container stores right after its magic ("none": no passphrase). */
  static java.util.Optional<String> opensshCipher(String base64) {
    String head = base64.substring(0, Math.min(base64.length(), 128));
    head = head.substring(0, head.length() - head.length() % 4);
    try {
      byte[] raw = Base64.getDecoder().decode(head);
      byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
      if (raw.length < magic.length + 4 || !java.util.Arrays.equals(raw, 0, magic.length, magic, 0, magic.length)) {
        return java.util.Optional.empty();
      }
      int at = magic.length;
      int len = (raw[at] & 0xff) << 24 | (raw[at + 1] & 0xff) << 16 | (raw[at + 2] & 0xff) << 8 | (raw[at + 3] & 0xff);
      if (len <= 0 || len > 64 || raw.length < at + 4 + len) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new String(raw, at + 4, len, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}

package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PuTTY private keys ({@code .ppk}), format versions 2 and 3. A key counts only with its {@code
 * Private-Lines} section, so a page that merely names the format is not a finding; {@code
 * Encryption: none} means anyone holding the file can use the key, anything else means a
 * passphrase protects it (a warning).
 *
 * <pre>
 * PuTTY-User-Key-File-3: ssh-ed25519
 * Encryption: none
 * Comment: eddsa-key-20240101
 * Public-Lines: 2
 * AAAAC3NzaC1lZDI1NTE5AAAAIN...
 * Private-Lines: 1
 * AAAAIFq...
 * Private-MAC: 3b1f...
 * </pre>
 */
final class PuttyKeyDetector implements Detector {

  static final DetectorKind PUTTY = new DetectorKind("putty-private-key", "PuTTY private key (.ppk)",
      Severity.ERROR, "PuTTY manual appendix C (PPK file format); detect-secrets PrivateKeyDetector (v2 only)");

  private static final Pattern KEY = Pattern.compile("PuTTY-User-Key-File-([23]): *(\\S+)[ \\t]*\\r?\\n"
      + "Encryption: *(\\S+)[ \\t]*\\r?\\n(?:[A-Za-z0-9-]+: [^\\n]*\\n|[A-Za-z0-9+/=\\r]+\\n){0,64}?Private-Lines: *\\d+");

  private static final int MAX_KEY = 16 * 1024;

  @Override
  public List<DetectorKind> kinds() {
    return List.of(PUTTY, PemKeyDetector.ENCRYPTED);
  }

  @Override
  public List<String> keywords() {
    return List.of("putty-user-key-file-");
  }

  @Override
  public int scan(FileText t, int hitStart, int hitEnd, Findings out) {
    Matcher m = KEY.matcher(t.chars());
    m.region(hitStart, Math.min(t.length(), hitStart + MAX_KEY));
    if (!m.lookingAt()) {
      return hitEnd;
    }
    boolean encrypted = !m.group(3).equals("none");
    out.add(encrypted ? PemKeyDetector.ENCRYPTED : PUTTY, hitStart, "PuTTY-User-Key-File-" + m.group(1) + ": "
        + m.group(2) + " (private lines redacted)" + (encrypted ? "; encrypted with " + m.group(3) : ""),
        m.group(), false);
    return m.end();
  }
}

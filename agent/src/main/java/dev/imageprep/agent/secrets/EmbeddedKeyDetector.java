package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * PEM private keys wrapped in base64, as kubeconfig files carry them ({@code client-key-data:}) and
 * Kubernetes Secrets and Helm values do. {@code LS0tLS1CRUdJTi} is the base64 of {@code -----BEGIN};
 * the value is decoded and reported only when it holds a private key, so the {@code
 * client-certificate-data} next to it is not a finding.
 *
 * <pre>
 * users:
 * - name: admin
 *   user:
 *     client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSU...
 *     client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVB...
 * </pre>
 */
final class EmbeddedKeyDetector implements Detector {

  static final DetectorKind EMBEDDED = new DetectorKind("base64-private-key",
      "Private key embedded in base64 (kubeconfig client-key-data, Kubernetes Secret)", Severity.ERROR,
      "Nosey Parker base64-encoded PEM private key rule; kubeconfig client-key-data");

  private static final int MAX_TOKEN = 96 * 1024;

  @Override
  public List<DetectorKind> kinds() {
    return List.of(EMBEDDED, PemKeyDetector.ENCRYPTED);
  }

  @Override
  public List<String> keywords() {
    return List.of("LS0tLS1CRUdJTi");
  }

  @Override
  public int scan(FileText t, int hitStart, int hitEnd, Findings out) {
    int end = hitStart;
    while (end < t.length() && end - hitStart < MAX_TOKEN && isBase64(t.byteAt(end))) {
      end++;
    }
    String token = t.text(hitStart, end - (end - hitStart) % 4);
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return end;
    }
    int begin = decoded.indexOf("-----BEGIN ");
    int label = decoded.indexOf("PRIVATE KEY-----", begin);
    if (begin != 0 || label < 0 || label > 64 || decoded.length() < 128) {
      return end;
    }
    boolean encrypted = decoded.startsWith("-----BEGIN ENCRYPTED") || decoded.contains("Proc-Type: 4,ENCRYPTED");
    out.add(encrypted ? PemKeyDetector.ENCRYPTED : EMBEDDED, hitStart,
        "base64 of " + decoded.substring(0, label + 16) + " (" + token.length() + " chars, redacted)", token, false);
    return end;
  }

  private static boolean isBase64(int c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=';
  }
}

package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.List;
import java.util.Locale;

/**
 * PKCS#12 key stores ({@code .p12}, {@code .pfx}): a private key with its certificate chain,
 * usually behind a password that is often empty or weak. Recognised by name, like gitleaks'
 * path-only {@code pkcs12-file} rule, and by content whatever the name: a DER SEQUENCE holding
 * version 3 and then a PKCS#7 {@code data} ContentInfo (RFC 7292 §4).
 */
final class Pkcs12Inspector implements FileInspector {

  static final DetectorKind PKCS12 = new DetectorKind("pkcs12-file", "PKCS#12 key store (.p12/.pfx)",
      Severity.ERROR, "gitleaks pkcs12-file rule; RFC 7292 (PFX PDU)");

  /** OID 1.2.840.113549.1.7.1 (pkcs7-data), DER-encoded with its tag and length. */
  private static final byte[] PKCS7_DATA = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
      0x07, 0x01};

  @Override
  public List<DetectorKind> kinds() {
    return List.of(PKCS12);
  }

  @Override
  public void inspect(String imagePath, byte[] head, int n, boolean binary, Findings out) {
    String name = imagePath.toLowerCase(Locale.ROOT);
    boolean byName = (name.endsWith(".p12") || name.endsWith(".pfx")) && n > 0;
    if (byName || isPfx(head, n)) {
      out.addFile(PKCS12, "PKCS#12 key store" + (byName ? "" : " (recognised by content)") + ", contents redacted", Findings.digest(head, n));
    }
  }

  /** SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data, ... } ... } within the first bytes. */
  static boolean isPfx(byte[] b, int n) {
    if (n < 20 || b[0] != 0x30) {
      return false;
    }
    int i = 1 + lengthBytes(b[1]);
    if (i + 3 > n || b[i] != 0x02 || b[i + 1] != 0x01 || b[i + 2] != 0x03) {
      return false;
    }
    i += 3;
    if (i + 2 > n || b[i] != 0x30) {
      return false;
    }
    i += 1 + lengthBytes(b[i + 1]);
    if (i + PKCS7_DATA.length > n) {
      return false;
    }
    for (int k = 0; k < PKCS7_DATA.length; k++) {
      if (b[i + k] != PKCS7_DATA[k]) {
        return false;
      }
    }
    return true;
  }

  /** Bytes of a DER length field, given its first byte (0x80 is BER's indefinite length). */
  private static int lengthBytes(byte first) {
    int f = first & 0xff;
    return f < 0x80 ? 1 : f == 0x80 ? 1 : 1 + (f & 0x7f);
  }
}

package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.List;

/**
 * Binary private keys, which the text scan skips: Java key stores (JKS, JCEKS) that hold a private
 * or secret key entry, and DER-encoded private keys (PKCS#1 RSA, SEC1 EC, PKCS#8, encrypted
 * PKCS#8). A key store that holds only trusted certificates (a trust store such as a JDK's {@code
 * cacerts}) is not a finding. DER is recognised by structure, not by name: the outer SEQUENCE must
 * span exactly the whole file.
 */
final class KeyStoreInspector implements FileInspector {

  static final DetectorKind JAVA_KEYSTORE = new DetectorKind("java-keystore", "Java key store (JKS/JCEKS) with a"
      + " private or secret key", Severity.ERROR, "Java SE documentation, keytool (JKS and JCEKS key store types);"
      + " gitleaks and CredSweeper key store rules");
  static final DetectorKind DER_KEY = new DetectorKind("der-private-key", "Private key in binary DER form",
      Severity.ERROR, "RFC 8017 (RSAPrivateKey), RFC 5915 (ECPrivateKey), RFC 5208 (PKCS#8 PrivateKeyInfo)");

  private static final int JKS_MAGIC = 0xFEEDFEED;
  private static final int JCEKS_MAGIC = 0xCECECECE;
  private static final int PRIVATE_KEY_ENTRY = 1;
  private static final int TRUSTED_CERT_ENTRY = 2;
  private static final int SECRET_KEY_ENTRY = 3;

  /** The largest DER key looked at: an RSA-16384 PKCS#8 key is about 9.4 KB. */
  private static final int MAX_DER = 12 * 1024;

  @Override
  public List<DetectorKind> kinds() {
    return List.of(JAVA_KEYSTORE, DER_KEY, PemKeyDetector.ENCRYPTED);
  }

  @Override
  public boolean wantsWholeFile(byte[] head, int n) {
    return isKeyStore(head, n) || n >= 2 && (head[0] & 0xff) == 0x30;
  }

  @Override
  public void inspect(String imagePath, byte[] head, int n, boolean binary, Findings out) {
    if (!binary) {
      return;
    }
    if (isKeyStore(head, n)) {
      int keys = keyEntries(head, n);
      if (keys != 0) {
        out.addFile(JAVA_KEYSTORE, keys > 0 ? "key store with " + keys + " key entr" + (keys == 1 ? "y" : "ies")
            + ", contents redacted" : "key store that could not be read to the end, contents redacted",
            Findings.digest(head, n));
      }
      return;
    }
    String der = derKey(head, n);
    if (der != null) {
      out.addFile(der.startsWith("encrypted") ? PemKeyDetector.ENCRYPTED : DER_KEY, der + " (DER, " + n
          + " bytes, redacted)", Findings.digest(head, n));
    }
  }

  private static boolean isKeyStore(byte[] b, int n) {
    return n >= 12 && (int32(b, 0) == JKS_MAGIC || int32(b, 0) == JCEKS_MAGIC);
  }

  /**
   * Counts private and secret key entries; -1 when the store's structure breaks off (cut, or a
   * format this reader does not know), which is reported too, since it may hold keys.
   */
  static int keyEntries(byte[] b, int n) {
    int count = int32(b, 8);
    int i = 12;
    int keys = 0;
    for (int e = 0; e < count; e++) {
      if (i + 4 > n) {
        return -1;
      }
      int tag = int32(b, i);
      i = skipUtf(b, n, i + 4); // alias
      i += 8; // creation date
      if (i < 0 || i > n) {
        return -1;
      }
      if (tag == PRIVATE_KEY_ENTRY) {
        keys++;
        i = skipBlock(b, n, i); // the protected key
        if (i < 0 || i + 4 > n) {
          return -1;
        }
        int chain = int32(b, i);
        i += 4;
        for (int c = 0; c < chain && i >= 0; c++) {
          i = skipBlock(b, n, skipUtf(b, n, i));
        }
      } else if (tag == TRUSTED_CERT_ENTRY) {
        i = skipBlock(b, n, skipUtf(b, n, i));
      } else if (tag == SECRET_KEY_ENTRY) {
        return keys + 1; // a serialised Java object follows: no need to read further
      } else {
        return -1;
      }
      if (i < 0) {
        return -1;
      }
    }
    return keys;
  }

  /** What kind of DER private key the bytes are, or null. */
  static String derKey(byte[] b, int n) {
    if (n < 32 || n > MAX_DER || b[0] != 0x30) {
      return null;
    }
    int[] outer = tlv(b, 0, n);
    if (outer == null || outer[1] + outer[2] != n) {
      return null;
    }
    int i = outer[1];
    if (b[i] == 0x02 && b[i + 1] == 0x01 && (b[i + 2] == 0x00 || b[i + 2] == 0x01)) {
      int version = b[i + 2];
      int[] next = tlv(b, i + 3, n);
      if (next == null) {
        return null;
      }
      int tag = b[i + 3] & 0xff;
      if (version == 0 && tag == 0x02 && next[2] >= 64) {
        return "RSA or DSA private key (PKCS#1)";
      }
      if (version == 0 && tag == 0x30 && b[next[1]] == 0x06) {
        int[] octets = tlv(b, next[1] + next[2], n);
        return octets != null && (b[next[1] + next[2]] & 0xff) == 0x04 ? "private key (PKCS#8)" : null;
      }
      if (version == 1 && tag == 0x04 && next[2] >= 16 && next[2] <= 66) {
        return "EC private key (SEC1)";
      }
      return null;
    }
    if (b[i] == 0x30) {
      int[] alg = tlv(b, i, n);
      if (alg != null && b[alg[1]] == 0x06 && startsWithPkcs5Or12(b, alg[1], n)) {
        int data = alg[1] + alg[2];
        return data < n && (b[data] & 0xff) == 0x04 ? "encrypted private key (PKCS#8)" : null;
      }
    }
    return null;
  }

  /** OIDs 1.2.840.113549.1.5.x (PBES1/PBES2) and 1.2.840.113549.1.12.1.x (PKCS#12 PBE). */
  private static boolean startsWithPkcs5Or12(byte[] b, int oid, int n) {
    byte[] prefix = {0x06, 0x00, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01};
    if (oid + 10 > n) {
      return false;
    }
    for (int k = 2; k < prefix.length; k++) {
      if (b[oid + k] != prefix[k]) {
        return false;
      }
    }
    return b[oid + 9] == 0x05 || b[oid + 9] == 0x0c;
  }

  /** A DER tag-length: {tag offset, content offset, content length}, or null when it runs past {@code n}. */
  private static int[] tlv(byte[] b, int at, int n) {
    if (at + 2 > n) {
      return null;
    }
    int first = b[at + 1] & 0xff;
    int length;
    int content;
    if (first < 0x80) {
      length = first;
      content = at + 2;
    } else {
      int bytes = first & 0x7f;
      if (bytes == 0 || bytes > 3 || at + 2 + bytes > n) {
        return null;
      }
      length = 0;
      for (int k = 0; k < bytes; k++) {
        length = length << 8 | (b[at + 2 + k] & 0xff);
      }
      content = at + 2 + bytes;
    }
    return content + length <= n ? new int[] {at, content, length} : null;
  }

  private static int int32(byte[] b, int i) {
    return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
  }

  private static int skipUtf(byte[] b, int n, int i) {
    if (i < 0 || i + 2 > n) {
      return -1;
    }
    return i + 2 + ((b[i] & 0xff) << 8 | (b[i + 1] & 0xff));
  }

  private static int skipBlock(byte[] b, int n, int i) {
    if (i < 0 || i + 4 > n) {
      return -1;
    }
    int len = int32(b, i);
    return len < 0 || i + 4 + (long) len > n ? -1 : i + 4 + len;
  }
}

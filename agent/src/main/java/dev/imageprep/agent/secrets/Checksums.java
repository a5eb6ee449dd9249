package dev.imageprep.agent.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The self-checks some token formats carry, so that a value with the right shape but a wrong
 * checksum (a made-up example, a test fixture) can be told from a token that was really issued.
 */
final class Checksums {

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Checksums() {}

  /**
   * GitHub ({@code ghp_}, {@code gho_}, …) and npm ({@code npm_}) tokens: 30 random base62
   * characters, then the CRC32 of those characters in 6 base62 digits ("Behind GitHub's new
   * authentication token formats", GitHub blog, 2021-04-05; npm's access token format, 2021-09-23).
   */
  static boolean base62Crc32(String token) {
    int underscore = token.lastIndexOf('_');
    String body = token.substring(underscore + 1);
    if (body.length() != 36) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(body.substring(0, 30).getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    StringBuilder digits = new StringBuilder();
    do {
      digits.append(BASE62.charAt((int) (value % 62)));
      value /= 62;
    } while (value > 0);
    while (digits.length() < 6) {
      digits.append('0');
    }
    return digits.reverse().toString().equals(body.substring(30));
  }

  /** A Bech32 string (BIP 173) such as an age identity {@code AGE-SECRET-KEY-1…}: its 6-character checksum. */
  static boolean bech32(String s) {
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    int sep = lower.lastIndexOf('1');
    if (sep < 1 || sep + 7 > lower.length()) {
      return false;
    }
    String hrp = lower.substring(0, sep);
    int[] values = new int[hrp.length() * 2 + 1 + lower.length() - sep - 1];
    int n = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[n++] = hrp.charAt(i) >> 5;
    }
    values[n++] = 0;
    for (int i = 0; i < hrp.length(); i++) {
      values[n++] = hrp.charAt(i) & 31;
    }
    for (int i = sep + 1; i < lower.length(); i++) {
      int v = BECH32.indexOf(lower.charAt(i));
      if (v < 0) {
        return false;
      }
      values[n++] = v;
    }
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ v;
      for (int i = 0; i < 5; i++) {
        if ((top >>> i & 1) != 0) {
          chk ^= gen[i];
        }
      }
    }
    return chk == 1;
  }

  /** An NATS nkey seed ({@code SU…}, {@code SA…}, {@code SO…}): base32 with a CRC-16/XMODEM trailer. */
  static boolean nkeySeed(String s) {
    byte[] raw = base32(s);
    if (raw == null || raw.length < 4) {
      return false;
    }
    int crc = 0;
    for (int i = 0; i < raw.length - 2; i++) {
      crc ^= (raw[i] & 0xff) << 8;
      for (int b = 0; b < 8; b++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      crc &= 0xffff;
    }
    int stored = (raw[raw.length - 2] & 0xff) | (raw[raw.length - 1] & 0xff) << 8;
    return crc == stored;
  }

  /** A base64 value that decodes to exactly {@code bytes} bytes (a WireGuard key is 32). */
  static boolean base64Bytes(String s, int bytes) {
    try {
      return Base64.getDecoder().decode(s).length == bytes && Base64.getEncoder()
          .encodeToString(Base64.getDecoder().decode(s)).equals(s);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] base32(String s) {
    int bits = 0;
    int buffer = 0;
    byte[] out = new byte[s.length() * 5 / 8];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = BASE32.indexOf(s.charAt(i));
      if (v < 0) {
        return null;
      }
      buffer = buffer << 5 | v;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        if (n < out.length) {
          out[n++] = (byte) (buffer >> bits);
        }
      }
    }
    return out;
  }
}

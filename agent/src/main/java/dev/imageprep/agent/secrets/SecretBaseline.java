package dev.imageprep.agent.secrets;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Findings an administrator has reviewed and accepted. Each entry is a fingerprint that never holds
 * the value: HMAC-SHA256 over the file, the detector and the value, keyed with a random salt that
 * the baseline file carries. The same secret in the same file stays accepted when lines move; a
 * changed value, another file or another kind of finding is new. The path, detector and line next
 * to each fingerprint are for the reader only.
 *
 * <pre>
 * # imageprep secret baseline v1
 * salt 6c1f0a…
 * 4be1…e93  /etc/app/app.conf  password-assignment  3
 * </pre>
 *
 * <p>gitleaks' {@code .gitleaksignore} entries ({@code file:rule-id:line}) are not accepted: they
 * name a place, not a value, so a rotated or new secret written on an accepted line would pass
 * unseen, they go stale when a line moves, and their rule ids are gitleaks', not imageprep's.
 */
public final class SecretBaseline {

  static final String HEADER = "# imageprep secret baseline v1";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern SALT = Pattern.compile("[0-9a-f]{32,128}");

  private final byte[] salt;
  private final Set<String> accepted;

  private SecretBaseline(byte[] salt, Set<String> accepted) {
    this.salt = salt.clone();
    this.accepted = Set.copyOf(accepted);
  }

  /** An empty baseline with a fresh random salt, for a first {@code --write-baseline}. */
  public static SecretBaseline fresh() {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return new SecretBaseline(salt, Set.of());
  }

  /**
   * Reads a baseline file.
   *
   * @throws SecretSettingsException naming the file and line of anything malformed
   */
  public static SecretBaseline read(Path file) throws SecretSettingsException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SecretSettingsException(file.toString(), 0, "cannot read the baseline: " + e.getMessage());
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
      String first = lines.isEmpty() ? "" : lines.get(0);
      throw new SecretSettingsException(file.toString(), 1, first.matches("[^\\s:]+:[a-z0-9-]+:\\d+")
          ? "this looks like a .gitleaksignore file; imageprep's baseline holds value fingerprints, not places"
            + " (write one with --write-baseline)"
          : "not an imageprep secret baseline (the first line must be '" + HEADER + "')");
    }
    byte[] salt = null;
    Set<String> accepted = new LinkedHashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f[0].equals("salt")) {
        if (salt != null || f.length != 2 || !SALT.matcher(f[1]).matches()) {
          throw new SecretSettingsException(file.toString(), i + 1, "expected one 'salt <hex>' line");
        }
        salt = HexFormat.of().parseHex(f[1]);
      } else if (HEX.matcher(f[0]).matches()) {
        accepted.add(f[0]);
      } else {
        throw new SecretSettingsException(file.toString(), i + 1, "expected a 64-digit fingerprint, then the"
            + " path, detector and line it was written for");
      }
    }
    if (salt == null) {
      throw new SecretSettingsException(file.toString(), lines.size(), "the baseline has no 'salt' line");
    }
    return new SecretBaseline(salt, accepted);
  }

  /** The fingerprint of a value found in a file by a detector; it cannot be turned back into the value. */
  public String fingerprint(String path, String detector, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      mac.update((path + '\0' + detector + '\0').getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  public boolean accepts(String fingerprint) {
    return accepted.contains(fingerprint);
  }

  public int size() {
    return accepted.size();
  }

  /** One accepted finding, as written: its fingerprint and where it was. */
  public record Entry(String fingerprint, String path, String detector, int line) {}

  /** Writes a baseline with this salt and the given entries (the findings of the last scan). */
  public void write(Path file, Collection<Entry> entries) throws IOException {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(java.util.Comparator.comparing(Entry::path).thenComparingInt(Entry::line)
        .thenComparing(Entry::detector));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER + "\n");
      w.write("# Accepted secret findings: HMAC-SHA256(salt, path, detector, value). No value is stored, but a weak\n");
      w.write("# password could be guessed from its fingerprint and the salt: keep this file as private as the image.\n");
      w.write("salt " + HexFormat.of().formatHex(salt) + "\n");
      for (Entry e : sorted) {
        // paths are escaped like report text: a file name cannot forge a line
        w.write(e.fingerprint() + "  " + escape(e.path()) + "  " + e.detector() + "  " + e.line() + "\n");
      }
    }
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
        b.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }
}

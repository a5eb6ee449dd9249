package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pieces of the scanner on small inputs. */
class DetectorsTest {

  private static List<SecretFinding> scan(String path, String content) {
    DetectorSet set = DetectorSet.builtIn();
    return set.scan(ImagePath.of(path), FileText.of(path, content), set.newFindings());
  }

  @Test
  void keywordMatcherFindsEveryOccurrenceLikeANaiveSearch() {
    List<String> words = List.of("akia", "ki", "password", "pass", "-----begin ", "ls0tls1crudjti", "ssw");
    KeywordMatcher m = new KeywordMatcher(words);
    Random random = new Random(42);
    String alphabet = "akiAKIpasSWORDwd-BEGIN sl0tLS1CRUdJTi";
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 300; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      byte[] data = sb.toString().getBytes(StandardCharsets.US_ASCII);
      List<String> found = new ArrayList<>();
      m.scan(data, data.length, (k, start, end) -> found.add(k + "@" + start));
      List<String> naive = new ArrayList<>();
      String lower = sb.toString().toLowerCase(java.util.Locale.ROOT);
      for (int end = 1; end <= lower.length(); end++) {
        for (int k = 0; k < words.size(); k++) {
          String w = words.get(k);
          if (end >= w.length() && lower.startsWith(w, end - w.length())) {
            naive.add(k + "@" + (end - w.length()));
          }
        }
      }
      assertThat(found).containsExactlyInAnyOrderElementsOf(naive);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"${DB_PASSWORD}", "$DB_PASSWORD", "{{ vault_pw }}", "<your-password>", "%PASSWORD%", "********",
      "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "get_password()", "/etc/app/db.pass", "*",
      "true", "xxxxxxxxxxxxxxxx"})
  void placeholdersAreNotSecrets(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hunter2xyz", "S3cr3t!", "ghp_4nQ8xZ2mL5vR7tY1wK9pB3cD6fH0jS2aE4gU", "correct-horse-battery"})
  void realValuesAreNotPlaceholders(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isFalse();
  }

  @Test
  void assignmentsInManySyntaxesAreFound() {
    String text = String.join("\n", "db_password = \"Tr0ub4dor&3\"", "DB_PASSWORD: s3cretValue9",
        "  \"password\": \"J50nP4ss!\",", "<password>X4mlPass1</password>", "mysqldump --password=Dump3r99 db",
        "api_token=Q8v2Lm5Rt7Yw1Xc5Bn9Mh3Jd6Fs0Ga2", "");

    assertThat(scan("/etc/app/mixed.conf", text)).extracting(SecretFinding::line, SecretFinding::detector)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "password-assignment"),
            org.assertj.core.groups.Tuple.tuple(2, "password-assignment"),
            org.assertj.core.groups.Tuple.tuple(3, "password-assignment"),
            org.assertj.core.groups.Tuple.tuple(4, "password-assignment"),
            org.assertj.core.groups.Tuple.tuple(5, "command-line-password"),
            org.assertj.core.groups.Tuple.tuple(6, "secret-assignment"));
  }

  @Test
  void sourceCodeNeedsAStringLiteral() {
    String code = "password = kwargs.get('password')\nuser, password = parse(url)\nPASSWORD = \"Lit3ral!pw\"\n";

    assertThat(scan("/opt/app/db.py", code)).extracting(SecretFinding::line).containsExactly(3);
  }

  @Test
  void aSpecificFindingHidesTheGenericOneOnTheSameLine() {
    List<SecretFinding> found = scan("/etc/env", "AWS_SECRET_ACCESS_KEY=Zq8vN2pLk4Rt7Yw1Xc5Bn9Mh3Jd6Fs0Ga2Qe4Wr8\n");

    assertThat(found).extracting(SecretFinding::detector).containsExactly("aws-secret-access-key");
  }

  @Test
  void previewsShowOnlyATypePrefixAndTheLength() {
    assertThat(Redaction.redact("ghp_4nQ8xZ2mL5vR7tY1wK9pB3cD6fH0jS2aE4gU")).isEqualTo("ghp_**** (40 chars, redacted)");
    assertThat(Redaction.redact("Hunter2xyz")).isEqualTo("**** (10 chars, redacted)");
  }

  @Test
  void pathPatternsMatchNamesAndTrees() {
    PathPatterns p = PathPatterns.of(".netrc", "**/share/doc/**", "/var/lib/dpkg/**");

    assertThat(Set.of("/root/.netrc", "/usr/local/share/doc/x/README", "/var/lib/dpkg", "/var/lib/dpkg/status"))
        .allMatch(p::matches);
    assertThat(Set.of("/root/.netrc.bak", "/usr/share/docs", "/var/lib/dpkgx")).noneMatch(p::matches);
  }

  @Test
  void pkcs12IsRecognisedByItsDerStructure() {
    byte[] pfx = {0x30, (byte) 0x82, 0x09, (byte) 0xcf, 0x02, 0x01, 0x03, 0x30, (byte) 0x82, 0x09, (byte) 0x85, 0x06,
        0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x01, (byte) 0xa0};
    byte[] cert = {0x30, (byte) 0x82, 0x03, 0x01, 0x30, (byte) 0x82, 0x02, 0x01, (byte) 0xa0, 0x03, 0x02, 0x01, 0x02,
        0x02, 0x14, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77};

    assertThat(Pkcs12Inspector.isPfx(pfx, pfx.length)).isTrue();
    assertThat(Pkcs12Inspector.isPfx(cert, cert.length)).isFalse();
  }
}

package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets that rules of other types quote from the image (a config-values setting, a file-matches
 * line) go through the scanner's redaction before any format prints them.
 */
class EvidenceRedactorTest {

  private static final String PASSWORD = "S3cr3t-Passw0rd!";
  private static final String EXPECTED = "Tr0ub4dor&3";
  private static final String AWS_SECRET = "9xQz7Lw2Jc8Vb4Nm6Kp1Rt5Ys3Ud0Fg2Hh4Jj6Kk";

  private static final String RULES = """
      rules:
        - id: db-password-rotated
          title: The app's database password is the one the vault issued
          severity: error
          type: config-values
          with: {file: /etc/app/app.conf, expect: {db_password: '%s'}, skip-if-absent: false}
          remediation: Set the vault's password.
          source: site policy
        - id: app-has-credentials
          title: The app has its credentials line
          severity: warning
          type: file-matches
          with:
            any-of:
              - {file: /etc/app/app.conf, pattern: '^aws_secret_access_key.*'}
          remediation: Add it.
          source: site policy
      """.formatted(EXPECTED);

  @TempDir
  Path tmp;

  private final EvidenceRedactor redactor = new EvidenceRedactor();

  @Test
  void aSecretAndTheRestOfItsLineBecomeTheScannersPreview() {
    assertThat(redactor.redact("/etc/app/app.conf", "db_password = " + PASSWORD + "; expected db_password = x"))
        .isEqualTo("db_password = **** (16 chars, redacted)");
    assertThat(redactor.redact(null, "first line\naws_secret_access_key = " + AWS_SECRET + "\nlast line"))
        .isEqualTo("first line\naws_secret_access_key = **** (40 chars, redacted)\nlast line");
    assertThat(redactor.redact("/etc/ssh/sshd_config", "PermitRootLogin = no")).isEqualTo("PermitRootLogin = no");
  }

  @Test
  void noFormatPrintsWhatAUserRuleQuotes() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("image"));
    Trees.write(root, "/etc/os-release", "ID=debian\nVERSION_ID=12\n");
    Trees.write(root, "/etc/app/app.conf", "db_password = " + PASSWORD + "\naws_secret_access_key = " + AWS_SECRET
        + "\n");
    Path rules = Files.writeString(tmp.resolve("site.yaml"), RULES);
    LocalCli cli = new LocalCli(tmp.resolve("state"), Files.createDirectories(tmp.resolve("cwd")));

    for (List<String> format : List.of(List.of("text"), List.of("text", "-v"), List.of("json"), List.of("junit"),
        List.of("html"))) {
      List<String> args = new java.util.ArrayList<>(List.of("check", "--root", root.toString(), "--profile",
          "ec2-linux", "--rules", rules.toString(), "--only", "db-password-rotated,app-has-credentials",
          "--state-dir", tmp.resolve("state").toString(), "--format"));
      args.addAll(format);
      LocalCli.Result r = cli.run(args.toArray(String[]::new));

      assertThat(r.exitCode()).as(format + ": " + r.err()).isEqualTo(1);
      assertThat(r.out() + r.err()).as(String.join(" ", format)).doesNotContain(PASSWORD).doesNotContain(EXPECTED)
          .doesNotContain(AWS_SECRET.substring(0, 12));
      if (format.contains("-v") || !format.get(0).equals("text")) {
        assertThat(r.out()).as(String.join(" ", format)).contains("redacted");
      }
    }
  }
}

package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.Main;
import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.testing.ProducedReports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detectors defined in a rule file: they run like the built-ins, and mistakes are located. */
class SecretRuleFileTest {

  private static final String RULE = """
      rules:
        - id: no-acme-tokens
          title: No Acme API tokens in the image
          severity: error
          type: secrets
          with:
            include: [/etc]
            disable-detectors: [secret-assignment]
            detectors:
              - id: acme-api-token
                title: Acme API token
                keywords: [acme_]
                regex: '\\bacme_(?<secret>[0-9a-f]{32})\\b'
                min-entropy: 3.0
                paths: ['*.conf']
                source: Acme security team
          remediation: Remove the token and rotate it.
          source: Acme image policy
      """;

  @TempDir
  Path tmp;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(CommandContext.standard(AgentEnvironment.system()), new PrintWriter(out), new PrintWriter(err),
        args);
    ProducedReports.validate(java.nio.file.FileSystems.getDefault(), args, out.toString());
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void aRuleFileDetectorFindsItsTokens() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("image/etc/acme"));
    Files.writeString(root.resolve("client.conf"), "# Acme\ntoken = acme_4f9b2c7d1e8a6b3c5d0e9f2a7b4c1d8e\n");
    Files.writeString(root.resolveSibling("os-release"), "ID=debian\n");
    Path rules = Files.writeString(tmp.resolve("acme.yaml"), RULE);

    String[] r = run("check", "--root", tmp.resolve("image").toString(), "--profile", "ec2-linux", "--rules",
        rules.toString(), "--only", "no-acme-tokens", "--state-dir", tmp.toString(), "--format", "json");

    assertThat(r[0]).as(r[2]).isEqualTo("1");
    assertThat(r[1]).contains("\"kind\" : \"acme-api-token\"", "\"line\" : 2", "/etc/acme/client.conf")
        .doesNotContain("4f9b2c7d1e8a6b3c5d0e9f2a7b4c1d8e");
  }

  @Test
  void aBadRegexIsACatalogErrorAtItsDetector() throws Exception {
    Path rules = Files.writeString(tmp.resolve("bad.yaml"), RULE.replace("[0-9a-f]{32})", "[0-9a-f]{32}"));

    String[] r = run("check", "--root", tmp.toString(), "--profile", "ec2-linux", "--rules", rules.toString(),
        "--state-dir", tmp.toString());

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains(rules + ":10:11:").contains("acme-api-token", "regex does not compile");
  }

  @Test
  void aDetectorWithoutKeywordsOrPathsIsRejected() throws Exception {
    Path rules = Files.writeString(tmp.resolve("bad.yaml"), RULE.replace("keywords: [acme_]", "keywords: []")
        .replace("paths: ['*.conf']", "min-length: 8"));

    String[] r = run("check", "--root", tmp.toString(), "--profile", "ec2-linux", "--rules", rules.toString(),
        "--state-dir", tmp.toString());

    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains(rules + ":10:11:").contains("needs keywords, or paths");
  }
}

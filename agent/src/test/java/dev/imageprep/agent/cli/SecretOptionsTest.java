package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.LocalCli.Result;
import dev.imageprep.agent.testing.UsedImage;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --baseline}, {@code --write-baseline} and {@code --secret-rules} through the real command
 * line: a reviewed finding stops counting, a new or changed one counts again, no value reaches the
 * baseline file, and a bad file is a usage error naming its line.
 */
class SecretOptionsTest {

  private static final String DB_PASSWORD = "Zq8vN2pLk4Rt7Yw";
  private static final String ACME_TOKEN = "acme_4f9c2e7a1b3d5f6e8a0c2e4f6a8b0d1c";

  @TempDir
  Path tmp;

  Path root;
  Path state;
  LocalCli cli;

  @BeforeEach
  void image() throws IOException {
    root = UsedImage.debianLike(Files.createDirectories(tmp.resolve("image")));
    write(root, "/opt/app/app.conf", "db_password = " + DB_PASSWORD + "\n");
    state = tmp.resolve("state");
    cli = new LocalCli(state, Files.createDirectories(tmp.resolve("cwd")));
  }

  private Result check(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("check", "--root", root.toString(), "--profile",
        "ec2-linux", "--state-dir", state.toString(), "--only", "no-secrets-left", "--format", "json"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private static JsonNode secrets(Result r) throws IOException {
    for (JsonNode c : new ObjectMapper().readTree(r.out()).get("checks")) {
      if (c.get("id").asText().equals("no-secrets-left")) {
        return c;
      }
    }
    throw new AssertionError("no no-secrets-left in " + r.out());
  }

  @Test
  void aBaselineAcceptsReviewedFindingsAndOnlyNewOnesCount() throws IOException {
    Path baseline = tmp.resolve("reviewed.baseline");
    Result first = check("--write-baseline", baseline.toString());
    assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.NOT_READY.code());
    String written = Files.readString(baseline, StandardCharsets.UTF_8);
    assertThat(written).startsWith("# imageprep secret baseline v1").contains("/opt/app/app.conf")
        .contains("password-assignment").doesNotContain(DB_PASSWORD);

    Result accepted = check("--baseline", baseline.toString());
    assertThat(accepted.exitCode()).as(accepted.out()).isEqualTo(ExitCode.OK.code());
    assertThat(secrets(accepted).at("/status").asText()).isEqualTo("pass");
    assertThat(secrets(accepted).at("/data/acceptedByBaseline").asLong()).isPositive();

    // a moved line is the same finding; a changed value is a new one
    write(root, "/opt/app/app.conf", "# moved down\n\ndb_password = " + DB_PASSWORD + "\n");
    assertThat(check("--baseline", baseline.toString()).exitCode()).isEqualTo(ExitCode.OK.code());
    write(root, "/opt/app/app.conf", "db_password = " + DB_PASSWORD + "2\n");
    Result changed = check("--baseline", baseline.toString());
    assertThat(changed.exitCode()).isEqualTo(ExitCode.NOT_READY.code());
    assertThat(secrets(changed).at("/evidence").findValuesAsText("path")).containsExactly("/opt/app/app.conf");
  }

  @Test
  void rewritingABaselineKeepsItsSalt() throws IOException {
    Path first = tmp.resolve("first.baseline");
    Path second = tmp.resolve("second.baseline");
    check("--write-baseline", first.toString());
    check("--baseline", first.toString(), "--write-baseline", second.toString());

    assertThat(Files.readAllLines(second)).isEqualTo(Files.readAllLines(first));
  }

  @Test
  void badBaselinesAreUsageErrorsWithTheirLine() throws IOException {
    Path gitleaksIgnore = Files.writeString(tmp.resolve(".gitleaksignore"), "opt/app/app.conf:generic-api-key:1\n");
    Result r = check("--baseline", gitleaksIgnore.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains(".gitleaksignore:1").contains("looks like a .gitleaksignore");

    Path broken = Files.writeString(tmp.resolve("broken.baseline"), "# imageprep secret baseline v1\nsalt 00112233445566778899aabbccddeeff\nnot-a-fingerprint x y 1\n");
    r = check("--baseline", broken.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("broken.baseline:3");
  }

  @Test
  void gitleaksRulesRunThroughTheSameRedactingEngine() throws IOException {
    write(root, "/etc/acme/agent.conf", "token = " + ACME_TOKEN + "\nexample = acme_00000000000000000000000000000000\n");
    Path rules = Files.writeString(tmp.resolve("acme.toml"), String.join("\n",
        "title = \"acme\"",
        "[extend]",
        "useDefault = true",
        "",
        "[[rules]]",
        "id = \"acme-api-token\"",
        "description = \"Acme API token\"",
        "regex = '''\\b(acme_[0-9a-f]{32})\\b'''",
        "secretGroup = 1",
        "entropy = 3",
        "keywords = [\"acme_\"]",
        "[[rules.allowlists]]",
        "regexes = ['''^acme_0+$''']",
        ""));
    Result r = check("--secret-rules", rules.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.NOT_READY.code());
    JsonNode evidence = secrets(r).at("/evidence");
    assertThat(evidence.findValuesAsText("path")).contains("/etc/acme/agent.conf");
    assertThat(evidence.toString()).contains("acme-api-token").contains("Acme API token");
    assertThat(r.out()).doesNotContain(ACME_TOKEN.substring(5));
    assertThat(evidence.findValues("line").stream().filter(l -> l.asInt() == 2)
        .count()).as("the allow-listed example").isZero();
  }

  @Test
  void badGitleaksRuleFilesNameTheLine() throws IOException {
    Path rules = Files.writeString(tmp.resolve("bad.toml"), String.join("\n",
        "[[rules]]",
        "id = \"ok-rule\"",
        "regex = '''ok_[a-z]{8}'''",
        "keywords = [\"ok_\"]",
        "",
        "[[rules]]",
        "id = \"broken-rule\"",
        "regex = '''(unclosed'''",
        "keywords = [\"broken\"]",
        ""));
    Result r = check("--secret-rules", rules.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("bad.toml:8").contains("broken-rule").contains("does not compile");

    Files.writeString(rules, "[[rules]]\nid = \"x\"\nregex = 'a'\n[[rules.required]]\nid = \"y\"\n");
    assertThat(check("--secret-rules", rules.toString()).err()).contains("bad.toml:4").contains("not supported");
    Files.writeString(rules, "[[rules]\nid = 1\n");
    assertThat(check("--secret-rules", rules.toString()).exitCode()).isEqualTo(ExitCode.USAGE.code());
  }
}

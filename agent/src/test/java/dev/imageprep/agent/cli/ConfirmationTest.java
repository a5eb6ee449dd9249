package dev.imageprep.agent.cli;

import static dev.imageprep.agent.testing.UsedImage.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.LocalCli.Result;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.UsedImageRuns;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompt before a cleanup: what it shows, what declining means, and that it holds no lock. */
class ConfirmationTest {

  @TempDir
  Path tmp;

  UsedImageRuns image;
  Path root;

  @BeforeEach
  void image() throws IOException {
    image = UsedImageRuns.in(tmp);
    root = image.root();
  }

  private LocalCli cli() {
    return image.cli();
  }

  private String[] args(String command, String... more) {
    return image.args(command, more);
  }

  @Test
  void thePromptSummarisesThePlanBeforeAskingAndDecliningIsExitOne() throws IOException {
    String before = fingerprint(root);
    JsonNode plan = ReportSchema.validated(cli().run(args("clean", "--dry-run", "--format", "json")).out());

    Result r = cli().interactive("n\n").run(args("clean"));

    assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_READY.code());
    assertThat(r.err()).contains("declined: nothing was changed");
    String prompt = r.out();
    assertThat(prompt).startsWith(String.format("The cleanup will change %d paths (%s) in ",
        plan.at("/summary/cleanupPlanned").asInt(), dev.imageprep.rules.check.Bytes.human(
            plan.at("/summary/cleanupBytes").asLong())));
    assertThat(prompt).contains(" items under " + root.toRealPath() + " (profile ec2-linux):")
        .containsPattern("\n  ssh-host-keys +shred +6 paths +")
        .contains("(--verbose lists every path)")
        .endsWith("Continue? [y/N] ");
    assertThat(prompt).doesNotContain("/etc/ssh/ssh_host_rsa_key");
    assertThat(fingerprint(root)).isEqualTo(before);

    Result verbose = cli().interactive("no\n").run(args("prepare", "--verbose"));
    assertThat(verbose.exitCode()).isEqualTo(ExitCode.NOT_READY.code());
    for (JsonNode step : plan.get("cleanup")) {
      if (step.get("status").asText().equals("planned")) {
        assertThat(verbose.out().substring(0, verbose.out().indexOf("Continue?")))
            .contains("      " + step.get("path").asText() + "\n");
      }
    }
    assertThat(fingerprint(root)).isEqualTo(before);
  }

  @Test
  void aCheckRunsWhileACleanWaitsAtItsPrompt() throws Exception {
    PipedWriter person = new PipedWriter();
    PipedReader answers = new PipedReader(person);
    CountDownLatch asking = new CountDownLatch(1);
    Writer screen = new StringWriter() {
      @Override
      public void write(String s, int off, int len) {
        super.write(s, off, len);
        if (toString().contains("Continue? [y/N]")) {
          asking.countDown();
        }
      }
    };
    LocalCli waiting = cli().interactive(answers);
    CompletableFuture<Integer> clean = CompletableFuture.supplyAsync(() -> waiting.run(new PrintWriter(screen, true),
        new PrintWriter(new StringWriter(), true), args("clean")));
    try {
      assertThat(asking.await(5, TimeUnit.MINUTES)).as("the clean reached its prompt").isTrue();

      Result check = cli().run(args("check", "--format", "json"));

      assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCode.NOT_READY.code());
      assertThat(ReportSchema.validated(check.out()).at("/verdict").asText()).isEqualTo("NOT READY");
    } finally {
      person.write("y\n");
      person.flush();
    }
    assertThat(clean.get(5, TimeUnit.MINUTES)).as(screen.toString()).isZero();
    assertThat(Files.exists(root.resolve("etc/ssh/ssh_host_rsa_key"))).isFalse();
  }
}

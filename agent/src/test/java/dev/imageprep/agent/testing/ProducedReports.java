package dev.imageprep.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every JSON report a test makes through the command line — on stdout or in an {@code -o} file — is
 * held to the published schema (v2) by the third-party validator, whatever the test itself asserts.
 */
public final class ProducedReports {

  private ProducedReports() {}

  /** Validates the JSON reports this command line printed or wrote; a violation fails the test. */
  public static void validate(FileSystem fs, String[] args, String stdout) {
    List<String> texts = new ArrayList<>();
    if (isReport(stdout)) {
      texts.add(stdout);
    }
    for (int i = 0; i + 1 < args.length; i++) {
      if ((args[i].equals("-o") || args[i].equals("--output")) && !args[i + 1].startsWith("/dev/")) {
        for (String candidate : List.of(args[i + 1], args[i + 1] + ".json")) {
          read(fs.getPath(candidate)).filter(ProducedReports::isReport).ifPresent(texts::add);
        }
      }
    }
    for (String json : texts) {
      List<String> problems = SchemaValidator.problems(json);
      if (!problems.isEmpty()) {
        throw new AssertionError("a report the command line wrote violates the schema: " + problems + "\n" + json);
      }
    }
  }

  private static boolean isReport(String text) {
    return text.startsWith("{") && text.contains("\"schema\" : \"imageprep/report/");
  }

  private static java.util.Optional<String> read(Path p) {
    try {
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || !p.toString().endsWith(".json")) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

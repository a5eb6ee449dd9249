package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretDetectorSpec;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.host.SkippedFile;
import dev.imageprep.rules.host.SkippedFile.Cause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan on real trees: it never follows a link, never leaves the root, never hangs. */
class SecretScannerSafetyTest {

  private static final String KEY_LINE = "aws_secret_access_key = Zq8vN2pLk4Rt7Yw1Xc5Bn9Mh3Jd6Fs0Ga2Qe4Wr8\n";

  @TempDir
  Path tmp;

  private Path root() throws Exception {
    return Files.createDirectories(tmp.resolve("image"));
  }

  private static SecretScan scan(Path root, ScanScope scope) {
    Fact<SecretScan> fact = new SecretScanner(new RootedFiles(root), 2).scan(scope);
    assertThat(fact.isKnown()).as(fact.reason()).isTrue();
    return fact.value();
  }

  private static ScanScope everything(long maxBytes) {
    return new ScanScope(List.of(ImagePath.ROOT), List.of(), maxBytes);
  }

  @Test
  void symlinksAreNeverFollowedAndNothingOutsideTheRootIsRead() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("credentials"), KEY_LINE);
    Path root = root();
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/credentials"), outside.resolve("credentials"));
    Files.createSymbolicLink(root.resolve("etc/outside-dir"), outside);
    Files.createSymbolicLink(root.resolve("etc/relative"), Path.of("../../outside/credentials"));

    SecretScan scan = scan(root, everything(1 << 20));

    assertThat(scan.findings()).isEmpty();
    assertThat(scan.filesScanned()).isZero();
  }

  @Test
  void anIncludedDirectoryLinkResolvesInsideTheImage() throws Exception {
    Path root = root();
    Files.createDirectories(root.resolve("run/app"));
    Files.writeString(root.resolve("run/app/env"), KEY_LINE);
    Files.createDirectories(root.resolve("var"));
    Files.createSymbolicLink(root.resolve("var/run"), Path.of("/run")); // absolute, as Debian has it

    SecretScan scan = scan(root, new ScanScope(List.of(ImagePath.of("/var/run")), List.of(), 1 << 20));

    assertThat(scan.findings()).singleElement().satisfies(f -> {
      assertThat(f.path()).hasToString("/run/app/env"); // the real image path, which cleanup can match
      assertThat(f.detector()).isEqualTo("aws-secret-access-key");
    });
  }

  @Test
  void specialLargeAndBinaryFilesAreSkippedWithTheirCause() throws Exception {
    Path root = root();
    Files.createDirectories(root.resolve("srv"));
    Files.writeString(root.resolve("srv/big.conf"), "x".repeat(5000) + "\n" + KEY_LINE);
    Files.write(root.resolve("srv/tool.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 'a', 'k', 'i', 'a'});
    Path fifo = root.resolve("srv/pipe");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

    SecretScan scan = scan(root, everything(4096)); // a reader blocked on the FIFO would never return

    assertThat(scan.findings()).isEmpty();
    assertThat(scan.skipped()).extracting(s -> s.path().toString(), SkippedFile::cause).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("/srv/big.conf", Cause.TOO_LARGE),
        org.assertj.core.groups.Tuple.tuple("/srv/pipe", Cause.SPECIAL),
        org.assertj.core.groups.Tuple.tuple("/srv/tool.bin", Cause.BINARY));
  }

  @Test
  void excludedTreesAreNotRead() throws Exception {
    Path root = root();
    Files.createDirectories(root.resolve("usr/local/share/doc/tool"));
    Files.writeString(root.resolve("usr/local/share/doc/tool/example.conf"), KEY_LINE);

    SecretScan scan = scan(root, new ScanScope(List.of(ImagePath.of("/usr/local")), List.of("**/share/doc/**"), 1 << 20));

    assertThat(scan.findings()).isEmpty();
    assertThat(scan.filesScanned()).isZero();
  }

  @Test
  void aCatastrophicPatternIsStoppedByTheBudgetAndReportedAsNotScanned() throws Exception {
    Path root = root();
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/slow.txt"), "boom " + "a".repeat(2000) + "b\n");
    Files.writeString(root.resolve("etc/other.txt"), KEY_LINE);
    SecretDetectorSpec evil = new SecretDetectorSpec("evil", "Backtracking pattern", Severity.ERROR, List.of("boom"),
        "boom (.*a){6}!", null, null, null, null, null);

    SecretScan scan = scan(root, new ScanScope(List.of(ImagePath.ROOT), List.of(), 1 << 20, List.of(evil), List.of()));

    assertThat(scan.skipped()).extracting(s -> s.path().toString(), SkippedFile::cause)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/etc/slow.txt", Cause.BUDGET));
    assertThat(scan.findings()).extracting(f -> f.path().toString()).containsExactly("/etc/other.txt");
  }

  @Test
  void aPatternThatOverflowsTheStackLosesOnlyItsFile() throws Exception {
    Path root = root();
    Files.createDirectories(root.resolve("etc"));
    // deep enough to overflow any thread's stack, interpreted or compiled (800 KB, under the 1 MiB limit)
    Files.writeString(root.resolve("etc/deep.txt"), "boom " + "ab".repeat(400_000) + "\n");
    Files.writeString(root.resolve("etc/other.txt"), KEY_LINE);
    // java.util.regex recurses once per repetition of a group with alternatives; without keywords the
    // pattern runs over whole files (a keyword's window would cut the line short)
    SecretDetectorSpec deep = new SecretDetectorSpec("deep", "Recursive pattern", Severity.ERROR, List.of(),
        "boom (a|b)*c", null, null, List.of("*.txt"), null, null);

    SecretScan scan = scan(root, new ScanScope(List.of(ImagePath.ROOT), List.of(), 1 << 20, List.of(deep), List.of()));

    assertThat(scan.skipped()).singleElement().satisfies(s -> {
      assertThat(s.path()).hasToString("/etc/deep.txt");
      assertThat(s.cause()).isEqualTo(Cause.BUDGET);
      assertThat(s.reason()).contains("deep").contains("stack");
    });
    assertThat(scan.findings()).extracting(f -> f.path().toString()).containsExactly("/etc/other.txt");
  }

  @Test
  void ruleDetectorsAddFindingsAndDisabledBuiltInsStayQuiet() throws Exception {
    Path root = root();
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/acme.conf"), "token acme_4f9b2c7d1e8a6b3c5d0e9f2a7b4c1d8e\n" + KEY_LINE);
    SecretDetectorSpec acme = new SecretDetectorSpec("acme-token", "Acme API token", Severity.WARNING,
        List.of("acme_"), "\\bacme_[0-9a-f]{32}\\b", 3.0, null, List.of("*.conf"), null, "Acme security team");

    SecretScan scan = scan(root, new ScanScope(List.of(ImagePath.ROOT), List.of(), 1 << 20, List.of(acme),
        List.of("aws-secret-access-key", "secret-assignment")));

    assertThat(scan.findings()).singleElement().satisfies(f -> {
      assertThat(f.detector()).isEqualTo("acme-token");
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.line()).isEqualTo(1);
    });
  }

  @Test
  void disablingAnUnknownDetectorIsReportedNotIgnored() throws Exception {
    Fact<SecretScan> fact = new SecretScanner(new RootedFiles(root()), 1).scan(new ScanScope(List.of(ImagePath.ROOT),
        List.of(), 1024, List.of(), List.of("no-such-detector")));

    assertThat(fact.isKnown()).isFalse();
    assertThat(fact.reason()).contains("no-such-detector");
  }
}

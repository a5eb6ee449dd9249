package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.SkippedFile;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every labelled secret of the corpus is found, and nothing else (the look-alikes stay quiet). */
class SecretCorpusTest {

  private static SecretScan scanCorpus(int threads) {
    Fact<SecretScan> scan = new SecretScanner(new RootedFiles(Corpus.root()), threads)
        .scan(new ScanScope(List.of(ImagePath.ROOT), List.of(), 10 << 20));
    assertThat(scan.isKnown()).as(scan.reason()).isTrue();
    return scan.value();
  }

  private static Set<String> keys(SecretScan scan) {
    return scan.findings().stream().map(f -> f.path() + ":" + f.line() + ":" + f.detector())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void findsEveryLabelledSecretAndNothingElse() throws Exception {
    Set<String> expected = Corpus.labels().stream().map(Corpus.Label::key).collect(Collectors.toCollection(TreeSet::new));
    Set<String> found = keys(scanCorpus(4));

    assertThat(found).as("missed").containsAll(expected);
    assertThat(found).as("false positives").isSubsetOf(expected);
  }

  @Test
  void everyBuiltInDetectorHasAPositiveExample() throws Exception {
    Set<String> labelled = Corpus.labels().stream().map(Corpus.Label::detector).collect(Collectors.toSet());
    Set<String> kinds = DetectorSet.builtIn().kinds().stream().map(DetectorKind::id).collect(Collectors.toSet());

    assertThat(labelled).containsExactlyInAnyOrderElementsOf(kinds);
  }

  @Test
  void encryptedKeysAreWarningsAndPlainKeysErrors() {
    List<SecretFinding> findings = scanCorpus(2).findings();

    assertThat(findings).filteredOn(f -> f.detector().equals("encrypted-private-key"))
        .isNotEmpty().allMatch(f -> f.severity() == dev.imageprep.rules.host.Severity.WARNING);
    assertThat(findings).filteredOn(f -> f.detector().equals("openssh-private-key"))
        .isNotEmpty().allMatch(f -> f.severity() == dev.imageprep.rules.host.Severity.ERROR);
  }

  @Test
  void binariesAreSkippedAndListedButStillCheckedForKeyStores() {
    SecretScan scan = scanCorpus(1);

    assertThat(scan.skipped()).extracting(s -> s.path().toString(), SkippedFile::cause)
        .contains(org.assertj.core.groups.Tuple.tuple("/etc/lookalikes/binary-with-key.bin", SkippedFile.Cause.BINARY));
    assertThat(scan.findings()).extracting(f -> f.path().toString()).contains("/var/lib/app/keystore.bin");
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() {
    assertThat(scanCorpus(1).findings()).isEqualTo(scanCorpus(8).findings());
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.agent.secrets.GitleaksRules;
import dev.imageprep.agent.secrets.SecretBaseline;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.check.CheckContext;
import dev.imageprep.rules.check.Outcome;
import dev.imageprep.rules.check.SecretsCheck;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.host.WindowsProbe;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run's secret settings reach a Windows host's scans as they reach a Linux host's: a baselined
 * finding is accepted, a gitleaks rule file's rule fires, and the toolchain-fixture rule works on
 * Windows paths. A Windows-mode jimfs system drive, the bundled Windows rule, the real scanner.
 */
class WindowsSecretSettingsTest {

  private static final String DB_PASSWORD = "Zq8vN2pLk4Rt7Yw";
  private static final String ACME_TOKEN = "acme_4f9c2e7a1b3d5f6e8a0c2e4f6a8b0d1c";
  // not a real key: base64 of made-up bytes, shaped like a PEM body
  private static final String KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7Zq8vN2pLk4Rt7YwXq7vB2mN9"
      + "pL4kR8sT1wZ3cY5uH0jG6fD2aQ8eW4rT7yU1iO3pA5sD7fG9hJ2kL4zX6cV8bN0mQ2wE4rT6yU8iO0pA";
  private static final String KEY = "-----BEGIN PRIVATE KEY-----\n" + KEY_BODY + "\n" + KEY_BODY
      + "\n-----END PRIVATE KEY-----\n";

  FileSystem fs;
  Path c;

  @BeforeEach
  void drive() throws IOException {
    fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setRoots("C:\\")
        .setAttributeViews("basic", "dos", "owner").build());
    c = fs.getPath("C:\\");
    write("Users\\alice\\Documents\\app.conf", "db_password = " + DB_PASSWORD + "\n");
  }

  private void write(String path, String content) throws IOException {
    Path file = c.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private WindowsHost host(SecretScanSettings settings) {
    RootedFiles files = new RootedFiles(c);
    return new WindowsHost(new HostInfo(Platform.WINDOWS, "C:\\", true, null), files,
        path -> Fact.known(new VolumeUsage("C:\\", "NTFS", 80L << 30, 40L << 30, 40L << 30)),
        new OfflineRegistry(files), WindowsProbe.unavailable("a test drive"), null,
        () -> Fact.unknown("not asked"), Progress.NONE, settings);
  }

  private static RuleEntry rule() {
    return WindowsRulesTest.CATALOG.resolve("ec2-windows").rule("no-keys-or-credentials").orElseThrow();
  }

  private static Outcome judge(WindowsHost host) {
    return rule().check().evaluate(new CheckContext(host, new CleanupPlan(List.of()), Set.of(), List.of()));
  }

  @Test
  void aBaselinedFindingIsAcceptedOnWindows() throws Exception {
    SecretScanSettings recording = SecretScanSettings.of(null, true, null);
    Outcome first = judge(host(recording));
    assertThat(first.status()).isEqualTo(Status.FAIL);
    assertThat(first.evidence()).extracting(Evidence::path).containsExactly("/Users/alice/Documents/app.conf");
    Path baselineFile = c.resolve("reviewed.baseline");
    recording.baselineToWrite().write(baselineFile, recording.lastScan());
    assertThat(Files.readString(baselineFile)).contains("/Users/alice/Documents/app.conf").doesNotContain(DB_PASSWORD);

    SecretScanSettings accepting = SecretScanSettings.of(SecretBaseline.read(baselineFile), false, null);
    Outcome accepted = judge(host(accepting));
    assertThat(accepted.status()).as(accepted.message()).isEqualTo(Status.PASS);
    assertThat(accepted.data()).containsEntry("acceptedByBaseline", 1L);

    // a new secret is not in the baseline and fails again
    write("Users\\alice\\Documents\\other.conf", "smtp_password = Hunter2Zq9x\n");
    Outcome renewed = judge(host(SecretScanSettings.of(SecretBaseline.read(baselineFile), false, null)));
    assertThat(renewed.status()).isEqualTo(Status.FAIL);
    assertThat(renewed.evidence()).extracting(Evidence::path).containsExactly("/Users/alice/Documents/other.conf");
  }

  @Test
  void aGitleaksRuleFiresOnWindows() throws Exception {
    write("Users\\alice\\Documents\\acme.ini", "token " + ACME_TOKEN + "\n");
    write("rules.toml", """
        [[rules]]
        id = "acme-token"
        description = "Acme API token"
        regex = '''acme_[0-9a-f]{32}'''
        keywords = ["acme_"]
        """);
    Outcome without = judge(host(SecretScanSettings.NONE));
    assertThat(without.evidence()).extracting(Evidence::kind).doesNotContain("acme-token");

    GitleaksRules rules = GitleaksRules.load(c.resolve("rules.toml"));
    Outcome with = judge(host(SecretScanSettings.of(null, false, rules)));
    assertThat(with.status()).isEqualTo(Status.FAIL);
    assertThat(with.evidence()).filteredOn(e -> e.kind().equals("acme-token")).extracting(Evidence::path)
        .containsExactly("/Users/alice/Documents/acme.ini");
    assertThat(with.evidence()).extracting(Evidence::detail).noneMatch(d -> d.contains(ACME_TOKEN));
  }

  @Test
  void toolchainFixturesOnWindowsPathsAreWarningsAndUsersKeysStayErrors() throws Exception {
    write("Users\\alice\\Documents\\app.conf", "# nothing here\n");
    String pipKey = "Users\\alice\\AppData\\Local\\Programs\\Python\\Python312\\Lib\\site-packages\\pkg\\tests\\key.pem";
    String venvKey = "Users\\alice\\projects\\web\\.venv\\Lib\\site-packages\\pkg\\tests\\key.pem";
    String npmKey = "Users\\alice\\AppData\\Roaming\\npm\\node_modules\\tool\\test\\fixtures\\key.pem";
    String mavenKey = "Users\\alice\\.m2\\repository\\org\\acme\\lib\\1.0\\test-key.pem";
    String ownKey = "Users\\alice\\.ssh\\id_rsa";
    String projectKey = "Users\\alice\\projects\\web\\deploy.pem";
    for (String path : List.of(pipKey, venvKey, npmKey, mavenKey, ownKey, projectKey)) {
      write(path, KEY);
    }
    SecretsCheck.Params bundled = (SecretsCheck.Params) rule().check().params();
    // the bundled rule leaves AppData out; a rule that scans it (include /Users) judges it by the same fixtures
    ScanScope everything = new ScanScope(List.of(ImagePath.of("/Users")), List.of(), bundled.maxFileBytes(),
        List.of(), List.of(), bundled.fixtures());
    SecretScan scan = host(SecretScanSettings.NONE).secrets().scan(everything).value();
    assertThat(scan.findings()).extracting(f -> f.path() + " " + f.severity()).containsExactlyInAnyOrder(
        "/" + pipKey.replace('\\', '/') + " WARNING",
        "/" + venvKey.replace('\\', '/') + " WARNING",
        "/" + npmKey.replace('\\', '/') + " WARNING",
        "/" + mavenKey.replace('\\', '/') + " WARNING",
        "/Users/alice/.ssh/id_rsa ERROR",
        "/Users/alice/projects/web/deploy.pem ERROR");
    assertThat(scan.findings()).filteredOn(f -> f.severity() == Severity.WARNING).extracting(SecretFinding::title)
        .allMatch(t -> t.contains("looks like a public test fixture"));

    // the bundled rule itself: AppData is out of its scope, the venv and the .m2 cache are warnings
    Outcome o = judge(host(SecretScanSettings.NONE));
    assertThat(o.status()).isEqualTo(Status.FAIL); // the .ssh and project keys
    assertThat(o.evidence()).extracting(Evidence::path).doesNotContain("/" + pipKey.replace('\\', '/'))
        .contains("/" + venvKey.replace('\\', '/'), "/" + mavenKey.replace('\\', '/'));
  }
}

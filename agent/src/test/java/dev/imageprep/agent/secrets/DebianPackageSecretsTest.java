package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imageprep.agent.probe.common.ProcessCommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.linux.LinuxHost;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.ScanScope;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.SecretScan;
import dev.imageprep.rules.host.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Debian packages installed into a real Debian 12 root with the host's dpkg: openfortivpn,
 * whose conffile {@code /etc/openfortivpn/config} ships an example {@code password = ...}, and
 * python3-tornado, which ships a private test key. As shipped, both are information that names the
 * package; the administrator's own password in the conffile, and the same key copied under {@code
 * /opt}, are errors; the key inside a toolchain's test folder is a warning. Needs root, debootstrap
 * and apt ({@code testing/debian-root.sh}, {@code testing/debian-debs.sh}).
 */
@Tag("debootstrap")
class DebianPackageSecretsTest {

  private static final String CONFFILE = "/etc/openfortivpn/config";
  private static final String TEST_KEY = "/usr/lib/python3/dist-packages/tornado/test/test.key";

  @TempDir
  Path tmp;

  @Test
  void unchangedPackageFilesAreInformationWhileChangedConffilesAndLooseKeysCount() throws Exception {
    Path root = debianRoot();
    List<String> install = new ArrayList<>(List.of("dpkg", "--root=" + root, "--force-depends", "-i"));
    install.addAll(run("bash", script("debian-debs.sh"), "openfortivpn", "python3-tornado"));
    run(install.toArray(String[]::new));

    SecretScan shipped = scan(root);
    assertThat(only(shipped, CONFFILE)).extracting(SecretFinding::severity).isEqualTo(Severity.INFO);
    assertThat(only(shipped, CONFFILE).title()).contains("unchanged file of package openfortivpn");
    assertThat(only(shipped, TEST_KEY).severity()).isEqualTo(Severity.INFO);
    assertThat(only(shipped, TEST_KEY).title()).contains("python3-tornado");
    assertThat(shipped.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
        .as("error-level findings besides the host keys the system generated (no package ships them)")
        .allMatch(f -> f.path().toString().startsWith("/etc/ssh/ssh_host_"));

    Path conffile = root.resolve(CONFFILE.substring(1));
    Files.writeString(conffile, Files.readString(conffile).replace("# password = VPNpassw0rd",
        "password = Corp-VPN-2026!x"));
    Path key = root.resolve(TEST_KEY.substring(1));
    Files.createDirectories(root.resolve("opt/app/tls"));
    Files.copy(key, root.resolve("opt/app/tls/server.key"));
    Path fixture = root.resolve("usr/local/lib/python3.11/site-packages/acme/tests/key.pem");
    Files.createDirectories(fixture.getParent());
    Files.copy(key, fixture);

    SecretScan changed = scan(root);
    assertThat(only(changed, CONFFILE).severity()).as("a conffile the administrator changed").isEqualTo(Severity.ERROR);
    assertThat(only(changed, "/opt/app/tls/server.key").severity()).isEqualTo(Severity.ERROR);
    assertThat(only(changed, "/usr/local/lib/python3.11/site-packages/acme/tests/key.pem").severity())
        .isEqualTo(Severity.WARNING);
    assertThat(only(changed, "/usr/local/lib/python3.11/site-packages/acme/tests/key.pem").title())
        .contains("looks like a public test fixture");
    assertThat(only(changed, TEST_KEY).severity()).isEqualTo(Severity.INFO);
  }

  private static SecretScan scan(Path root) {
    HostInfo info = new HostInfo(Platform.LINUX, root.toString(), true, null);
    LinuxHost host = new LinuxHost(info, new RootedFiles(root), new ProcessCommandRunner(), Progress.NONE,
        SecretScanSettings.NONE);
    List<ImagePath> include = List.of(ImagePath.of("/etc"), ImagePath.of("/opt"), ImagePath.of("/usr/local"),
        ImagePath.of("/usr/lib/python3/dist-packages/tornado"));
    Fact<SecretScan> scan = host.secrets().scan(new ScanScope(include, List.of("/var/lib/dpkg/**"), 10 << 20,
        List.of(), List.of(), List.of("**/site-packages/**/tests/**")));
    assertThat(scan.isKnown()).as(scan.isKnown() ? "" : scan.reason()).isTrue();
    return scan.value();
  }

  private static SecretFinding only(SecretScan scan, String path) {
    List<SecretFinding> found = scan.findings().stream().filter(f -> f.path().toString().equals(path)).toList();
    assertThat(found).as("findings in " + path).hasSize(1);
    return found.get(0);
  }

  private Path debianRoot() throws Exception {
    Path dest = tmp.resolve("debian");
    Process p = new ProcessBuilder("bash", script("debian-root.sh"), dest.toString()).redirectErrorStream(true)
        .start();
    String log = new String(p.getInputStream().readAllBytes());
    assumeTrue(p.waitFor() == 0, "a Debian root could be built or copied (needs root and debootstrap): " + log);
    return dest;
  }

  private static String script(String name) {
    Path script = Path.of("..", "testing", name).toAbsolutePath().normalize();
    assumeTrue(Files.isRegularFile(script), "testing/" + name + " is next to the agent module");
    return script.toString();
  }

  private static List<String> run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + err).isZero();
    return out.lines().toList();
  }
}

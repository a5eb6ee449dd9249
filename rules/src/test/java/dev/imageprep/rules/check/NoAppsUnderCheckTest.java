package dev.imageprep.rules.check;

import static dev.imageprep.rules.check.CheckTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.testing.FakeHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoAppsUnderCheckTest {

  private final NoAppsUnderCheck check = new NoAppsUnderCheck();
  private final FakeHost host = new FakeHost();
  private final NoAppsUnderCheck.Params params = new NoAppsUnderCheck.Params("/home", null, null, null);

  @Test
  void aCleanSystemPasses() {
    host.files.file("/usr/share/applications/firefox.desktop", "[Desktop Entry]\nExec=/usr/bin/firefox %u\n")
        .file("/etc/profile.d/path.sh", "export PATH=$PATH:/opt/tools/bin\n").symlink("/usr/bin/vi", "/etc/alternatives/vi");
    host.unit("sshd.service", "enabled", "/usr/sbin/sshd -D");
    assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.PASS);
  }

  @Test
  void findsEveryKindOfReferenceIntoHome() {
    host.ownedUnderHome = Fact.known(List.of(ImagePath.of("/home/app/bin/tool")));
    host.unit("myapp.service", "enabled", "-/home/app/bin/myapp --serve");
    host.files.file("/usr/share/applications/ide.desktop", "[Desktop Entry]\nExec=/home/dev/ide/bin/ide.sh\n")
        .symlink("/usr/local/bin/ide", "/home/dev/ide/bin/ide.sh")
        .file("/etc/profile.d/dev.sh", "# PATH=/home/old\nexport PATH=/home/dev/bin:$PATH\n");
    Outcome o = check.evaluate(params, context(host));
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.evidence()).extracting(Evidence::kind)
        .containsExactlyInAnyOrder("package-file", "service", "launcher", "command-link", "path-entry");
    assertThat(o.evidence()).filteredOn(e -> "path-entry".equals(e.kind())).singleElement()
        .satisfies(e -> assertThat(e.line()).as("the commented line is ignored").isEqualTo(2));
  }

  @Test
  void blindSpotsMakeItUnknown() {
    host.ownedUnderHome = Fact.unknown("dpkg info: permission denied");
    assertThat(check.evaluate(params, context(host)).status()).isEqualTo(Status.UNKNOWN);
  }
}

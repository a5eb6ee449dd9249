package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.windows.RegExport;
import dev.imageprep.rules.windows.WindowsRegistry;
import dev.imageprep.rules.windows.WindowsService;
import dev.imageprep.rules.windows.WindowsVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineRegistryTest {

  static final Map<String, List<RegistryValue>> SOFTWARE = RegExport.resource("software-server2019.reg");
  static final Map<String, List<RegistryValue>> SYSTEM = RegExport.resource("system-server2019.reg");

  /** Writes the fixtures' hives where a Windows system volume keeps them. */
  static void writeHives(Path volume, Map<String, List<RegistryValue>> software,
      Map<String, List<RegistryValue>> system) throws Exception {
    Path config = Files.createDirectories(volume.resolve("Windows/System32/config"));
    Files.write(config.resolve("SOFTWARE"), HiveBuilder.from(software, "HKLM\\SOFTWARE").build());
    Files.write(config.resolve("SYSTEM"), HiveBuilder.from(system, "HKLM\\SYSTEM").build());
  }

  @Test
  void readsSoftwareAndTheCurrentControlSetOfSystem(@TempDir Path volume) throws Exception {
    writeHives(volume, SOFTWARE, SYSTEM);
    OfflineRegistry registry = new OfflineRegistry(new RootedFiles(volume));

    assertThat(WindowsVersion.read(registry).value().label()).isEqualTo("Windows Server 2019 Datacenter (10.0.17763)");
    Fact<Optional<RegistryKey>> term = registry.key("HKLM\\SYSTEM\\CurrentControlSet\\Services\\TermService");
    assertThat(term.value()).isPresent();
    assertThat(term.value().get().text("ObjectName")).contains("NT Authority\\NetworkService");
    assertThat(registry.key("HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\TermService").value()).isPresent();
    assertThat(registry.key("HKLM\\SOFTWARE\\No\\Such\\Key").value()).isEmpty();

    WindowsRegistry view = new WindowsRegistry(registry, 'C');
    assertThat(view.services().value()).extracting(WindowsService::name).contains("TermService", "xenvbd",
        "ReportsScheduler").doesNotContain("Tcpip");
    assertThat(view.computerName().value()).isEqualTo("EC2AMAZ-7Q1R2S3");
    assertThat(view.profiles().value()).extracting(p -> p.path())
        .contains("C:\\Windows\\system32\\config\\systemprofile", "D:\\Users\\alice");
  }

  @Test
  void otherRootsAndMissingHivesAreUnknownWithTheReason(@TempDir Path volume) throws Exception {
    OfflineRegistry empty = new OfflineRegistry(new RootedFiles(volume));
    Fact<Optional<RegistryKey>> k = empty.key("HKLM\\SOFTWARE\\Amazon");
    assertThat(k.isKnown()).isFalse();
    assertThat(k.reason()).contains("no registry hive at /Windows/System32/config/SOFTWARE");

    writeHives(volume, SOFTWARE, SYSTEM);
    OfflineRegistry registry = new OfflineRegistry(new RootedFiles(volume));
    assertThat(registry.key("HKU\\S-1-5-18\\Software").reason()).contains("only HKLM\\SOFTWARE and HKLM\\SYSTEM");
    assertThat(registry.key("HKLM\\SAM\\SAM").reason()).contains("SAM hive is not read");
  }

  @Test
  void aDirtyHiveMakesItsKeysUnknown(@TempDir Path volume) throws Exception {
    Path config = Files.createDirectories(volume.resolve("Windows/System32/config"));
    Files.write(config.resolve("SOFTWARE"), HiveBuilder.from(SOFTWARE, "HKLM\\SOFTWARE").dirty().build());
    Fact<Optional<RegistryKey>> k = new OfflineRegistry(new RootedFiles(volume)).key("HKLM\\SOFTWARE\\Amazon");
    assertThat(k.isKnown()).isFalse();
    assertThat(k.reason()).contains("not closed cleanly");
  }

  @Test
  void aHiveReachedThroughASymlinkOutsideTheVolumeIsNotRead(@TempDir Path tmp) throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    writeHives(outside, SOFTWARE, SYSTEM);
    Path volume = Files.createDirectories(tmp.resolve("volume/Windows/System32"));
    Files.createSymbolicLink(volume.resolve("config"), outside.resolve("Windows/System32/config"));
    Fact<Optional<RegistryKey>> k = new OfflineRegistry(new RootedFiles(tmp.resolve("volume")))
        .key("HKLM\\SOFTWARE\\Amazon");
    assertThat(k.isKnown()).isFalse();
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ReadNote;
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
  void aDirtyHiveWithoutLogsIsReadAndEveryRuleThatReadsItIsToldSo(@TempDir Path volume) throws Exception {
    writeHives(volume, SOFTWARE, SYSTEM);
    Path config = volume.resolve("Windows/System32/config");
    Files.write(config.resolve("SOFTWARE"), HiveBuilder.from(SOFTWARE, "HKLM\\SOFTWARE").dirty().build());
    OfflineRegistry registry = new OfflineRegistry(new RootedFiles(volume));

    assertThat(registry.key("HKLM\\SOFTWARE\\Amazon").isKnown()).isTrue();
    List<ReadNote> notes = registry.takeReadNotes();
    assertThat(notes).singleElement().satisfies(n -> {
      assertThat(n.source()).isEqualTo("/Windows/System32/config/SOFTWARE");
      assertThat(n.doubtful()).isTrue();
      assertThat(n.text()).contains("not closed cleanly", "judged from the primary file");
    });
    assertThat(registry.takeReadNotes()).isEmpty();

    registry.key("HKLM\\SYSTEM\\Select"); // a clean hive needs no note
    assertThat(registry.takeReadNotes()).isEmpty();
    registry.key("HKLM\\SOFTWARE\\Amazon"); // a key read before, from the cache, still counts
    assertThat(registry.takeReadNotes()).hasSize(1);
  }

  @Test
  void aDirtyHiveIsReplayedFromItsLogsFoundWithoutRegardToCase(@TempDir Path volume) throws Exception {
    writeHives(volume, SOFTWARE, SYSTEM);
    Path config = volume.resolve("Windows/System32/config");
    Map<String, List<RegistryValue>> added = RegExport.merge(SYSTEM, Map.of(
        "HKLM\\SYSTEM\\ControlSet001\\Services\\LoggedSvc", List.of(RegistryValue.dword("Type", 16),
            RegistryValue.text("ObjectName", "CORP\\svc-logged"))));
    byte[] before = LogBuilder.sequence(HiveBuilder.from(SYSTEM, "HKLM\\SYSTEM").build(), 40);
    byte[] after = LogBuilder.sequence(HiveBuilder.from(added, "HKLM\\SYSTEM").build(), 40);
    Files.write(config.resolve("SYSTEM"), LogBuilder.dirty(before));
    Files.write(config.resolve("system.log1"), LogBuilder.newFormat(List.of(before, after), 40));
    OfflineRegistry registry = new OfflineRegistry(new RootedFiles(volume));

    Fact<Optional<RegistryKey>> svc = registry.key("HKLM\\SYSTEM\\CurrentControlSet\\Services\\LoggedSvc");
    assertThat(svc.value()).isPresent();
    assertThat(svc.value().get().text("ObjectName")).contains("CORP\\svc-logged");
    assertThat(registry.takeReadNotes()).singleElement().satisfies(n -> {
      assertThat(n.doubtful()).isFalse();
      assertThat(n.text()).contains("replayed 1 log entry", "from system.log1");
    });
  }

  @Test
  void aLogThatLinksOutOfTheVolumeIsResolvedInsideIt(@TempDir Path tmp) throws Exception {
    Path volume = tmp.resolve("volume");
    writeHives(volume, SOFTWARE, SYSTEM);
    Path config = volume.resolve("Windows/System32/config");
    byte[] before = LogBuilder.sequence(HiveBuilder.from(SYSTEM, "HKLM\\SYSTEM").build(), 40);
    Files.write(config.resolve("SYSTEM"), LogBuilder.dirty(before));
    Path outside = Files.write(tmp.resolve("SYSTEM.LOG1"), LogBuilder.newFormat(List.of(before, before), 40));
    Files.createSymbolicLink(config.resolve("SYSTEM.LOG1"), outside); // absolute: means /tmp/... inside the volume

    OfflineRegistry registry = new OfflineRegistry(new RootedFiles(volume));
    assertThat(registry.key("HKLM\\SYSTEM\\Select").isKnown()).isTrue();
    assertThat(registry.takeReadNotes()).singleElement().satisfies(n -> {
      assertThat(n.doubtful()).isTrue();
      assertThat(n.text()).contains("SYSTEM.LOG1 is not a regular file");
    });
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

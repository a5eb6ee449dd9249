package dev.imageprep.rules.check;

import static dev.imageprep.rules.check.CheckTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.host.WindowsVolume;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.testing.MemoryImageFiles;
import dev.imageprep.rules.windows.ProfileSpec;
import dev.imageprep.rules.windows.WindowsFakeHost;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each Windows check type on its own, against an in-memory Windows host built from the .reg
 * fixtures: what makes it fail, pass, and stay unknown. The bundled profiles' rules are judged end to
 * end in the agent's tests.
 */
class WindowsChecksTest {

  final WindowsFakeHost host = new WindowsFakeHost();

  Outcome run(CheckType<Object> type, Object params) {
    return type.evaluate(params, new CheckContext(host, new CleanupPlan(List.of()), Set.of(), List.of()));
  }

  @SuppressWarnings("unchecked")
  static CheckType<Object> raw(CheckType<?> t) {
    return (CheckType<Object>) t;
  }

  static final ProfileSpec PROFILE = new ProfileSpec(null, null, null, List.of("Downloads", "appdata\\local\\temp"));

  @Test
  void windowsProfileSizeCheckCountsBytesAndFailsClosed() {
    MemoryImageFiles f = host.base.files;
    f.file("/Users/Default/Documents/a.txt", "x".repeat(3000));
    f.file("/Users/Default/Downloads/b.iso", "y".repeat(9000));
    f.file("/Users/Default/AppData/Local/Temp/c.tmp", "z".repeat(9000));
    WindowsProfileSizeCheck check = new WindowsProfileSizeCheck();
    assertThat(run(raw(check), new WindowsProfileSizeCheck.Params(4000.0 / (1 << 30), PROFILE)).status())
        .isEqualTo(Status.PASS);
    assertThat(run(raw(check), new WindowsProfileSizeCheck.Params(2000.0 / (1 << 30), PROFILE)).status())
        .isEqualTo(Status.FAIL);

    f.unreadable("/Users/Default/Documents");
    Outcome partial = run(raw(check), new WindowsProfileSizeCheck.Params(4000.0 / (1 << 30), PROFILE));
    assertThat(partial.status()).isEqualTo(Status.UNKNOWN);
    assertThatThrownBy(() -> check.validate(new WindowsProfileSizeCheck.Params(0.0, PROFILE)))
        .hasMessageContaining("max-gib");
    assertThatThrownBy(() -> check.validate(new WindowsProfileSizeCheck.Params(1.0,
        new ProfileSpec("Users\\Default", null, null, null)))).hasMessageContaining("not an absolute Windows path");
  }

  @Test
  void windowsFreeSpaceCheckAddsHeadroomAndAFlatMinimum() {
    host.base.files.file("/Users/Default/Documents/a.txt", "x".repeat(1000));
    host.base.volume = Fact.known(new VolumeUsage("C:\\", "NTFS", 1L << 40, 5L << 30, 5L << 30));
    WindowsFreeSpaceCheck check = new WindowsFreeSpaceCheck();
    assertThat(run(raw(check), new WindowsFreeSpaceCheck.Params(2.0, 0.0, PROFILE)).status()).isEqualTo(Status.PASS);
    Outcome floor = run(raw(check), new WindowsFreeSpaceCheck.Params(2.0, 12.0, PROFILE));
    assertThat(floor.status()).isEqualTo(Status.FAIL);
    assertThat(floor.message()).contains("at least 12.0 GiB");
    host.base.volume = Fact.unknown("statvfs failed");
    assertThat(run(raw(check), new WindowsFreeSpaceCheck.Params(2.0, 0.0, PROFILE)).status())
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void windowsServiceAccountsCheckNeedsTheComputerNameToJudgeAPrefix() {
    host.reg("""
        [HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\Odd]
        "Type"=dword:00000010
        "Start"=dword:00000002
        "ObjectName"="WHOEVER\\\\svc"
        """);
    WindowsServiceAccountsCheck check = new WindowsServiceAccountsCheck();
    assertThat(run(raw(check), new WindowsServiceAccountsCheck.Params(null)).status()).isEqualTo(Status.FAIL);
    host.registry.deny("HKLM\\SYSTEM\\ControlSet001\\Control\\ComputerName");
    Outcome o = run(raw(check), new WindowsServiceAccountsCheck.Params(null));
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(o.evidence().get(0).detail()).contains("computer name is unknown");
    host.registry.deny("HKLM\\SYSTEM\\ControlSet001\\Services");
    assertThat(run(raw(check), new WindowsServiceAccountsCheck.Params(true)).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void windowsComponentsCheckValidatesItsComponents() {
    WindowsComponentsCheck check = new WindowsComponentsCheck();
    assertThatThrownBy(() -> check.validate(new WindowsComponentsCheck.Params(List.of(
        new WindowsComponentsCheck.Component("x", null, null, null, null, null, null)))))
        .hasMessageContaining("no sign to look for");
    assertThatThrownBy(() -> check.validate(new WindowsComponentsCheck.Params(List.of(
        new WindowsComponentsCheck.Component("x", List.of("a"), null, null, null,
            new WindowsComponentsCheck.Condition("/x", "no group", "1"), null)))))
        .hasMessageContaining("must capture the version");
    host.registry.deny("HKLM\\SYSTEM\\ControlSet001\\Services\\NoSuch");
    Outcome o = run(raw(check), new WindowsComponentsCheck.Params(List.of(
        new WindowsComponentsCheck.Component("Thing", List.of("NoSuch"), null, null, null, null, null))));
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    Outcome disabled = run(raw(check), new WindowsComponentsCheck.Params(List.of(
        new WindowsComponentsCheck.Component("Backup", List.of("LegacyBackup"), null, null, null, null, null))));
    assertThat(disabled.status()).isEqualTo(Status.FAIL);
    assertThat(disabled.evidence().get(0).detail()).contains("LegacyBackup is disabled");
  }

  @Test
  void windowsFeatureUpgradeCheckMatchesPatternsWithoutCase() {
    host.reg("[HKEY_LOCAL_MACHINE\\SYSTEM\\Setup\\upgrade]\n");
    WindowsNotFeatureUpgradedCheck check = new WindowsNotFeatureUpgradedCheck();
    assertThat(run(raw(check), new WindowsNotFeatureUpgradedCheck.Params(null, null)).status()).isEqualTo(Status.FAIL);
    assertThat(run(raw(check), new WindowsNotFeatureUpgradedCheck.Params(null, List.of("Source OS"))).status())
        .isEqualTo(Status.PASS);
    assertThatThrownBy(() -> check.validate(new WindowsNotFeatureUpgradedCheck.Params(null, List.of("("))))
        .hasMessageContaining("bad pattern");
  }

  @Test
  void windowsAppsOnSystemDriveCheckCanLeaveServicesOut() {
    WindowsAppsOnSystemDriveCheck check = new WindowsAppsOnSystemDriveCheck();
    assertThat(run(raw(check), new WindowsAppsOnSystemDriveCheck.Params(false)).evidence()).hasSize(1);
    assertThat(run(raw(check), new WindowsAppsOnSystemDriveCheck.Params(true)).evidence()).hasSize(2);
    host.registry.deny("HKLM\\SOFTWARE\\Wow6432Node");
    assertThat(run(raw(check), new WindowsAppsOnSystemDriveCheck.Params(true)).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void windowsClearTextPasswordsCheckReadsPatternsAndReportsUnparsableFiles() {
    host.base.files.file("/ProgramData/Amazon/EC2Launch/config/agent-config.yml", "{ not: [yaml");
    host.base.files.file("/Windows/Panther/unattend.xml", "<AdministratorPassword><Value>pw</Value>"
        + "<PlainText>true</PlainText></AdministratorPassword>");
    WindowsClearTextPasswordsCheck check = new WindowsClearTextPasswordsCheck();
    Outcome o = run(raw(check), new WindowsClearTextPasswordsCheck.Params(List.of(
        "/ProgramData/Amazon/EC2Launch/config/agent-config.yml", "/Windows/Panther/*.xml")));
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.evidence()).first().satisfies(e -> assertThat(e.detail()).doesNotContain("pw<"));
    assertThat(o.evidence()).as("the failure keeps, without a path, the file it could not parse").hasSize(2).last()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo("not-seen");
          assertThat(e.path()).isNull();
          assertThat(e.detail()).startsWith("/ProgramData/Amazon/EC2Launch/config/agent-config.yml: ");
        });
    assertThat(run(raw(check), new WindowsClearTextPasswordsCheck.Params(List.of(
        "/ProgramData/Amazon/EC2Launch/config/agent-config.yml"))).status()).isEqualTo(Status.UNKNOWN);
    assertThat(check.resolvableByCleanup()).isTrue();
  }

  @Test
  void windowsAdminPasswordPolicyCheckSkipsImagesWithoutALaunchAgent() {
    WindowsAdminPasswordPolicyCheck check = new WindowsAdminPasswordPolicyCheck();
    WindowsAdminPasswordPolicyCheck.Params p = new WindowsAdminPasswordPolicyCheck.Params(null, null, null);
    assertThat(run(raw(check), p).status()).isEqualTo(Status.SKIPPED);
    host.base.files.file("/ProgramData/Amazon/EC2Launch/config/agent-config.yml",
        "config:\n- stage: preReady\n  tasks:\n  - task: setAdminAccount\n    inputs:\n      password:\n"
            + "        type: doNothing\n");
    Outcome o = run(raw(check), p);
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.message()).contains("doNothing");
  }

  @Test
  void ec2ConfigPluginsCheckComparesStatesWithoutCase() {
    host.base.files.file("/Program Files/Amazon/Ec2ConfigService/Settings/config.xml",
        "<Plugins><Plugin><Name>Ec2SetPassword</Name><State>enabled</State></Plugin></Plugins>");
    Ec2ConfigPluginsCheck check = new Ec2ConfigPluginsCheck();
    assertThat(run(raw(check), new Ec2ConfigPluginsCheck.Params(null, Map.of("Ec2SetPassword", "Enabled"))).status())
        .isEqualTo(Status.PASS);
    Outcome missing = run(raw(check), new Ec2ConfigPluginsCheck.Params(null, Map.of("Ec2HandleUserData", "Enabled")));
    assertThat(missing.status()).isEqualTo(Status.FAIL);
    assertThat(missing.evidence().get(0).detail()).contains("not listed");
  }

  @Test
  void windowsPendingRebootCheckIgnoresAnEmptyRenameList() {
    host.reg("""
        [HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Session Manager]
        "PendingFileRenameOperations"=hex(7):00,00,00,00
        """);
    WindowsPendingRebootCheck check = new WindowsPendingRebootCheck();
    WindowsPendingRebootCheck.Params p = new WindowsPendingRebootCheck.Params(List.of(),
        List.of(new WindowsPendingRebootCheck.ValueMarker("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager",
            "PendingFileRenameOperations")));
    assertThat(run(raw(check), p).status()).isEqualTo(Status.PASS);
    host.registry.deny("HKLM\\SYSTEM\\ControlSet001\\Control");
    assertThat(run(raw(check), p).status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void windowsDhcpCheckLeavesUnconfiguredInterfacesOut() {
    host.reg("""
        [HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces\\{9B1C7D2E-3A4F-4E5D-8C6B-1A2B3C4D5E6F}]
        "EnableDHCP"=dword:00000001
        [HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces\\{00000000-0000-0000-0000-000000000001}]
        "EnableDHCP"=dword:00000000
        "IPAddress"=hex(7):30,00,2e,00,30,00,2e,00,30,00,2e,00,30,00,00,00,00,00
        """);
    Outcome o = run(raw(new WindowsDhcpCheck()), new WindowsDhcpCheck.Params());
    assertThat(o.status()).isEqualTo(Status.PASS);
    assertThat(o.data()).containsEntry("interfaces", 2);
  }

  @Test
  void windowsAppxProvisionedCheckSkipsWithoutAStore() {
    host.registry.deny("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Appx\\AppxAllUserStore\\Applications");
    WindowsAppxProvisionedCheck check = new WindowsAppxProvisionedCheck();
    assertThat(run(raw(check), new WindowsAppxProvisionedCheck.Params(null, null)).status())
        .isEqualTo(Status.UNKNOWN);
    host.registry = new dev.imageprep.rules.windows.MapRegistry(Map.of());
    assertThat(run(raw(check), new WindowsAppxProvisionedCheck.Params(null, null)).status())
        .isEqualTo(Status.SKIPPED);
  }

  @Test
  void windowsInstanceStoreCheckListsUndecidedDrives() {
    host.volumes = Fact.known(List.of(new WindowsVolume('E', "fixed", "Data", "NTFS", 100L << 30, 10L << 30, null,
        "disk model \"AWS PVDISK\"")));
    Outcome o = run(raw(new WindowsInstanceStoreCheck()), new WindowsInstanceStoreCheck.Params(null));
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(o.evidence().get(0).detail()).contains("cannot tell instance store from EBS");
    assertThat(context(host.base).host().windows().volumes().isKnown()).isFalse();
  }

  @Test
  void aDriveWhoseSpaceCouldNotBeReadIsNeverAnEmptyDrive() {
    // GetDiskFreeSpaceEx failed: before, the drive read as 0 bytes of 0 and the check passed
    host.volumes = Fact.known(List.of(new WindowsVolume('D', "fixed", "Temporary Storage 0", "NTFS", 0, 0, true,
        "disk model \"Amazon EC2 NVMe Instance Storage\"", "GetDiskFreeSpaceExW failed (error 21)"),
        new WindowsVolume('E', "fixed", "Data", "NTFS", 0, 0, false, "disk model \"Amazon Elastic Block Store\"",
            "GetDiskFreeSpaceExW failed (error 5)")));
    Outcome o = run(raw(new WindowsInstanceStoreCheck()), new WindowsInstanceStoreCheck.Params(null));
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(o.evidence()).singleElement().satisfies(e -> assertThat(e.detail()).contains("D:", "space unknown",
        "error 21"));
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.check.CheckContext;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.check.Outcome;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.host.AccountProbe;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.host.WindowsProbe;
import dev.imageprep.rules.host.WindowsVolume;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.windows.MapRegistry;
import dev.imageprep.rules.windows.RegExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Windows rules of the bundled profiles, judged against a Windows-mode jimfs system drive and a
 * registry built from the .reg fixtures, through the real {@link WindowsHost}.
 */
class WindowsRulesTest {

  static final Catalog CATALOG = Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, List.of());
  static final Map<String, List<RegistryValue>> SOFTWARE = RegExport.resource("software-server2019.reg");
  static final Map<String, List<RegistryValue>> SYSTEM = RegExport.resource("system-server2019.reg");
  static final long MIB = 1 << 20;

  FileSystem fs;
  Path c;
  Path d;
  Map<String, List<RegistryValue>> registry;
  long available = 50L << 30;
  List<WindowsVolume> volumes = List.of();

  @BeforeEach
  void setUp() throws IOException {
    fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setRoots("C:\\", "D:\\")
        .setAttributeViews("basic", "dos", "owner").build());
    c = fs.getPath("C:\\");
    d = fs.getPath("D:\\");
    registry = RegExport.merge(SOFTWARE, SYSTEM);
    Files.createDirectories(c.resolve("Users\\Default\\Documents"));
    Files.createDirectories(c.resolve("Windows\\System32\\WindowsPowerShell\\v1.0"));
    Files.write(c.resolve("Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"), new byte[10]);
    Files.createDirectories(c.resolve("Program Files (x86)\\Teradici\\PCoIP Agent"));
    Files.createDirectories(d.resolve("Users\\alice\\Documents"));
  }

  WindowsHost host(boolean live) {
    RootedFiles files = new RootedFiles(c);
    WindowsProbe probe = new WindowsProbe() {
      @Override
      public Fact<List<WindowsVolume>> volumes() {
        return live ? Fact.known(volumes) : Fact.unknown("offline");
      }

      @Override
      public Fact<ImageFiles> drive(char letter) {
        return live && letter == 'D' ? Fact.known(new RootedFiles(d)) : Fact.unknown("offline: no " + letter + ":");
      }

      @Override
      public Fact<Boolean> elevated() {
        return Fact.known(true);
      }
    };
    return new WindowsHost(new HostInfo(Platform.WINDOWS, "C:\\", !live, null), files,
        path -> Fact.known(new VolumeUsage("C:\\", "NTFS", 80L << 30, available, available)),
        new MapRegistry(registry), probe, (AccountProbe) null, () -> Fact.unknown("not asked"));
  }

  Outcome judge(String profile, String rule) {
    return judge(profile, rule, false);
  }

  Outcome judge(String profile, String rule, boolean live) {
    RuleEntry entry = CATALOG.resolve(profile).rule(rule).orElseThrow();
    return entry.check().evaluate(new CheckContext(host(live), new CleanupPlan(List.of()), Set.of(), List.of()));
  }

  void add(String reg) {
    registry = RegExport.merge(registry, RegExport.parse(reg));
  }

  static void write(Path file, long bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[(int) bytes]);
  }

  static String details(Outcome o) {
    return String.join("\n", o.evidence().stream().map(Evidence::detail).toList());
  }

  // --- profile-size and system-drive-free-space -------------------------------------------------

  @Test
  void windows2019MeasuresCUsersDefaultWithoutTheLeftOutFolders() throws IOException {
    write(c.resolve("Users\\Default\\Documents\\report.docx"), 3 * MIB);
    write(c.resolve("Users\\Default\\Downloads\\setup.iso"), 5 * MIB);
    write(c.resolve("Users\\Default\\AppData\\Local\\Temp\\x.tmp"), 4 * MIB);
    write(c.resolve("Users\\Default\\AppData\\Local\\Microsoft\\Windows\\History\\h.dat"), 4 * MIB);
    write(c.resolve("Users\\Default\\AppData\\Roaming\\app.cfg"), MIB);
    Outcome o = judge("workspaces-windows", "profile-size");
    assertThat(o.status()).isEqualTo(Status.PASS);
    assertThat(o.data().get("location")).isEqualTo("C:\\Users\\Default");
    @SuppressWarnings("unchecked")
    Map<String, Object> measured = ((List<Map<String, Object>>) o.data().get("profiles")).get(0);
    assertThat(measured.get("bytes")).isEqualTo(4 * MIB);
    assertThat(measured.get("excludedBytes")).isEqualTo(13 * MIB);
    assertThat(o.data().get("why").toString()).contains("Windows Server 2019 Datacenter (10.0.17763)");
  }

  @Test
  void aProfileOverTheLimitFailsAndTheSameFilesInDownloadsPass() throws IOException {
    add("""
        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]
        "CurrentBuildNumber"="17763"
        """);
    write(c.resolve("Users\\Default\\Documents\\big.bin"), 12 * MIB);
    Outcome tooBig = judgeWithLimit(0.01);
    assertThat(tooBig.status()).isEqualTo(Status.FAIL);
    assertThat(tooBig.message()).contains("C:\\Users\\Default (12.0 MiB)");

    Files.createDirectories(c.resolve("Users\\Default\\downloads"));
    Files.move(c.resolve("Users\\Default\\Documents\\big.bin"), c.resolve("Users\\Default\\downloads\\big.bin"));
    assertThat(judgeWithLimit(0.01).status()).isEqualTo(Status.PASS);
  }

  private Outcome judgeWithLimit(double gib) {
    var rule = CATALOG.resolve("workspaces-windows").rule("profile-size").orElseThrow();
    var params = (dev.imageprep.rules.check.WindowsProfileSizeCheck.Params) rule.check().params();
    var limited = new dev.imageprep.rules.check.WindowsProfileSizeCheck.Params(gib, params.profile());
    return new dev.imageprep.rules.check.WindowsProfileSizeCheck().evaluate(limited,
        new CheckContext(host(false), new CleanupPlan(List.of()), Set.of(), List.of()));
  }

  @Test
  void linksInsideTheProfileAreNotFollowed() throws IOException {
    write(c.resolve("Data\\huge.bin"), 20 * MIB);
    Files.createSymbolicLink(c.resolve("Users\\Default\\Documents\\Data"), c.resolve("Data"));
    Files.createSymbolicLink(c.resolve("Users\\Default\\Application Data"), c.resolve("Users\\Default"));
    Outcome o = judgeWithLimit(0.01);
    assertThat(o.status()).isEqualTo(Status.PASS);
    assertThat(details(o)).contains("2 link(s) or junction(s) not followed");
  }

  @Test
  void aMissingProfileFails() throws IOException {
    Files.delete(c.resolve("Users\\Default\\Documents"));
    Files.delete(c.resolve("Users\\Default"));
    Outcome o = judge("workspaces-windows", "profile-size");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.message()).contains("no user profile at C:\\Users\\Default");
  }

  @Test
  void windows7KeepsTheProfileOnDWhichOnlyALiveRunCanSee() throws IOException {
    add("""
        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]
        "CurrentVersion"="6.1"
        "ProductName"="Windows Server 2008 R2 Datacenter"
        """);
    registry.computeIfPresent("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", (k, v) -> v.stream()
        .filter(x -> !x.isNamed("CurrentMajorVersionNumber")).toList());
    write(d.resolve("Users\\alice\\Documents\\thesis.pdf"), 2 * MIB);
    Outcome live = judge("workspaces-windows", "profile-size", true);
    assertThat(live.status()).isEqualTo(Status.PASS);
    assertThat(live.data().get("location")).isEqualTo("D:\\Users\\*");
    assertThat(details(live)).contains("D:\\Users\\alice: 2.0 MiB");

    Outcome offline = judge("workspaces-windows", "profile-size", false);
    assertThat(offline.status()).isEqualTo(Status.UNKNOWN);
    assertThat(offline.message()).contains("D: is not available");
  }

  @Test
  void anUnreadableRegistryMakesTheProfileRulesUnknownNeverPass() {
    registry = Map.of();
    assertThat(judge("workspaces-windows", "profile-size").status()).isEqualTo(Status.UNKNOWN);
    assertThat(judge("workspaces-windows", "system-drive-free-space").status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void theSystemDriveNeedsTheProfilePlusTwoGiB() throws IOException {
    write(c.resolve("Users\\Default\\Documents\\a.bin"), 3 * MIB);
    available = (2L << 30) + 3 * MIB;
    assertThat(judge("workspaces-windows", "system-drive-free-space").status()).isEqualTo(Status.PASS);
    available = (2L << 30) + 3 * MIB - 1;
    Outcome o = judge("workspaces-windows", "system-drive-free-space");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.message()).contains("needs 2.0 GiB (profile 3.0 MiB + 2.0 GiB)");
  }

  // --- registry rules ---------------------------------------------------------------------------

  @Test
  void serviceAccountsFailOnADomainAccountOnly() {
    assertThat(judge("workspaces-windows", "service-accounts").status()).isEqualTo(Status.PASS);
    add("""
        [HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\MSSQL$SQLEXPRESS]
        "Type"=dword:00000010
        "Start"=dword:00000002
        "ObjectName"="CORP\\\\svc-sql"
        "DisplayName"="SQL Server (SQLEXPRESS)"
        """);
    Outcome o = judge("workspaces-windows", "service-accounts");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(details(o)).contains("MSSQL$SQLEXPRESS (SQL Server (SQLEXPRESS), automatic) logs on as CORP\\svc-sql")
        .doesNotContain("gmsa");
  }

  @Test
  void requiredComponentsAreFoundByServiceRegistryApplicationOrPath() throws IOException {
    Outcome o = judge("workspaces-windows", "required-components");
    assertThat(o.status()).as(details(o)).isEqualTo(Status.PASS);
    assertThat(details(o)).contains("Skylight agent: service SkyLightWorkspaceConfigService (automatic)",
        "AWS PV drivers: registry key HKLM\\SOFTWARE\\Amazon\\PVDriver",
        "WinRM), for EC2Launch 1.2.0 or earlier: not needed");

    registry.remove("HKLM\\SYSTEM\\ControlSet001\\Services\\PCoIPAgent");
    Files.delete(c.resolve("Program Files (x86)\\Teradici\\PCoIP Agent"));
    Files.delete(c.resolve("Program Files (x86)\\Teradici"));
    Outcome missing = judge("workspaces-windows", "required-components");
    assertThat(missing.status()).isEqualTo(Status.FAIL);
    assertThat(missing.message()).isEqualTo("missing: Teradici PCoIP agent and drivers");
  }

  @Test
  void winRmIsRequiredOnlyWithEc2Launch120OrEarlier() throws IOException {
    registry.remove("HKLM\\SYSTEM\\ControlSet001\\Services\\WinRM");
    Path psd1 = c.resolve("ProgramData\\Amazon\\EC2-Windows\\Launch\\Module\\Ec2Launch.psd1");
    Files.createDirectories(psd1.getParent());
    Files.writeString(psd1, "@{\r\nModuleVersion = '1.3.2000430'\r\nGUID = 'x'\r\n}\r\n");
    assertThat(judge("workspaces-windows", "required-components").status()).isEqualTo(Status.PASS);
    Files.writeString(psd1, "@{\r\nModuleVersion = '1.2.0'\r\n}\r\n");
    Outcome o = judge("workspaces-windows", "required-components");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.message()).contains("Windows Remote Management");
  }

  @Test
  void theUnverifiableComponentsAreUnknownWithWhatToCheck() {
    Outcome o = judge("workspaces-windows", "unverified-components");
    assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    assertThat(details(o)).contains("check by hand");
  }

  @Test
  void aFeatureUpgradeLeavesASourceOsKey() {
    assertThat(judge("workspaces-windows", "not-feature-upgraded").status()).isEqualTo(Status.PASS);
    add("""
        [HKEY_LOCAL_MACHINE\\SYSTEM\\Setup\\Source OS (Updated on 5/12/2021 10:11:12)]
        "ProductName"="Windows 10 Pro"
        "CurrentBuildNumber"="18363"
        """);
    Outcome o = judge("workspaces-windows", "not-feature-upgraded");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(details(o)).contains("Source OS (Updated on 5/12/2021 10:11:12); was Windows 10 Pro build 18363");
  }

  @Test
  void pendingRebootMarkers() {
    assertThat(judge("windows", "pending-reboot").status()).isEqualTo(Status.PASS);
    add("""
        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired]
        "a1b2"=dword:00000001
        [HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\Session Manager]
        "PendingFileRenameOperations"=hex(7):5c,00,3f,00,3f,00,5c,00,43,00,3a,00,5c,00,78,00,00,00,00,00,00,00
        """);
    Outcome o = judge("windows", "pending-reboot");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(details(o)).contains("RebootRequired exists", "PendingFileRenameOperations lists 1 entry");
  }

  @Test
  void staticAddressesAreNamed() {
    Outcome o = judge("windows", "dhcp-addressing");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(details(o)).contains("\"Ethernet 2\" {9B1C7D2E-3A4F-4E5D-8C6B-1A2B3C4D5E6F} has static address 10.0.1.25");
  }

  @Test
  void appxPackagesOfAUserThatAreNotProvisioned() {
    assertThat(judge("windows", "appx-provisioned").status()).isEqualTo(Status.PASS);
    add("""
        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Appx\\AppxAllUserStore\\S-1-5-21-3623811015-3361044348-30300820-500\\Contoso.Notes_1.4.0.0_x64__2kq9e8w7r6t5y]
        """);
    Outcome o = judge("windows", "appx-provisioned");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(details(o)).contains("Contoso.Notes_1.4.0.0_x64__2kq9e8w7r6t5y is installed for");
  }

  @Test
  void applicationsAndServicesOffTheSystemDrive() {
    Outcome o = judge("workspaces-windows", "apps-on-system-drive");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(details(o)).contains("Contoso Reports (64-bit): D:\\Apps\\Contoso\\",
        "ReportsScheduler runs D:\\Apps\\Contoso\\scheduler.exe").doesNotContain("Amazon SSM Agent");
  }

  // --- launch agent files -----------------------------------------------------------------------

  static final String LAUNCH_CONFIG = "{\n  \"adminPasswordType\": \"Specify\",\n"
      + "  \"adminPassword\": \"Sup3r-S3cret!\"\n}\n";

  @Test
  void aClearTextLaunchConfigPasswordIsReportedWithoutItsValue() throws IOException {
    Path file = c.resolve("ProgramData\\Amazon\\EC2-Windows\\Launch\\Config\\LaunchConfig.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, LAUNCH_CONFIG, StandardCharsets.UTF_8);
    Outcome o = judge("ec2-windows", "no-secrets-left");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(o.evidence()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("/ProgramData/Amazon/EC2-Windows/Launch/Config/LaunchConfig.json");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.detail()).doesNotContain("Sup3r");
    });
    Outcome policy = judge("ec2-windows", "admin-password-policy");
    assertThat(policy.status()).isEqualTo(Status.FAIL);
    assertThat(policy.message()).contains("Specify");

    Files.writeString(file, "{\"adminPasswordType\": \"Random\", \"adminPassword\": \"\"}");
    assertThat(judge("ec2-windows", "no-secrets-left").status()).isEqualTo(Status.PASS);
    assertThat(judge("ec2-windows", "admin-password-policy").status()).isEqualTo(Status.PASS);
  }

  @Test
  void ec2ConfigPluginsAreCheckedOnlyWhereEc2ConfigIsInstalled() throws IOException {
    assertThat(judge("ec2-windows", "ec2config-settings").status()).isEqualTo(Status.SKIPPED);
    Path config = c.resolve("Program Files\\Amazon\\Ec2ConfigService\\Settings\\config.xml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, """
        <?xml version="1.0" standalone="yes"?>
        <Ec2ConfigurationSettings>
          <Plugins>
            <Plugin>
              <Name>Ec2SetPassword</Name>
              <State>Enabled</State>
            </Plugin>
            <Plugin>
              <Name>Ec2HandleUserData</Name>
              <State>Disabled</State>
            </Plugin>
          </Plugins>
        </Ec2ConfigurationSettings>
        """);
    Outcome o = judge("ec2-windows", "ec2config-settings");
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(details(o)).contains("Ec2HandleUserData is Disabled, expected Enabled");
    assertThat(judge("ec2-windows", "admin-password-policy").status()).isEqualTo(Status.PASS);
  }

  @Test
  void dataOnInstanceStoreDrives() {
    volumes = List.of(new WindowsVolume('C', "fixed", "", "NTFS", 80L << 30, 30L << 30, false, "ebs"),
        new WindowsVolume('D', "fixed", "Temporary Storage 0", "NTFS", 100L << 30, 90L << 30, true,
            "disk model \"Amazon EC2 NVMe Instance Storage\""));
    Outcome o = judge("ec2-windows", "instance-store-data", true);
    assertThat(o.status()).isEqualTo(Status.FAIL);
    assertThat(details(o)).contains("D: (Temporary Storage 0): 10.0 GiB in use");
    assertThat(judge("ec2-windows", "instance-store-data", false).status()).isEqualTo(Status.UNKNOWN);
  }
}

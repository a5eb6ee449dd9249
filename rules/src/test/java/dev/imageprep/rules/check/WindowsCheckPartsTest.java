package dev.imageprep.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.check.WindowsServiceAccountsCheck.AccountKind;
import org.junit.jupiter.api.Test;

/** The small decisions inside the Windows check types. */
class WindowsCheckPartsTest {

  @Test
  void serviceAccountsAreLocalOnlyWhenBuiltInOrOfThisComputer() {
    String pc = "EC2AMAZ-7Q1R2S3";
    for (String local : new String[] {"LocalSystem", "NT AUTHORITY\\LocalService", "NT Authority\\NetworkService",
        "NT SERVICE\\MSSQL$SQLEXPRESS", ".\\svc", "ec2amaz-7q1r2s3\\svc", "svc", ".\\LocalSystem"}) {
      assertThat(WindowsServiceAccountsCheck.classify(local, pc)).as(local).isEqualTo(AccountKind.LOCAL);
    }
    for (String domain : new String[] {"CORP\\svc-sql", "svc@corp.example.com", "CORP\\gmsa$"}) {
      assertThat(WindowsServiceAccountsCheck.classify(domain, pc)).as(domain).isEqualTo(AccountKind.DOMAIN);
    }
    assertThat(WindowsServiceAccountsCheck.classify("WHO\\svc", null)).isEqualTo(AccountKind.UNDECIDED);
    assertThat(WindowsServiceAccountsCheck.classify("NT AUTHORITY\\SYSTEM", null)).isEqualTo(AccountKind.LOCAL);
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(WindowsComponentsCheck.compareVersions("1.2.0", "1.2.0")).isZero();
    assertThat(WindowsComponentsCheck.compareVersions("1.10", "1.2.0")).isPositive();
    assertThat(WindowsComponentsCheck.compareVersions("1.1.9", "1.2")).isNegative();
    assertThat(WindowsComponentsCheck.compareVersions("1.2.0-beta", "1.2")).isZero();
  }

  @Test
  void appxPackagesCompareByFamily() {
    assertThat(WindowsAppxProvisionedCheck.family("Microsoft.WindowsCalculator_10.2103.8.0_x64__8wekyb3d8bbwe"))
        .isEqualTo(WindowsAppxProvisionedCheck.family("Microsoft.WindowsCalculator_10.1906.55.0_x64__8wekyb3d8bbwe"))
        .isEqualTo("microsoft.windowscalculator_8wekyb3d8bbwe");
  }

  @Test
  void programsAndInstallLocationsTellTheirDrive() {
    assertThat(WindowsAppsOnSystemDriveCheck.programDrive("\"D:\\Apps\\x.exe\" --service")).contains('D');
    assertThat(WindowsAppsOnSystemDriveCheck.programDrive("C:\\Program Files\\x\\y.exe -k")).contains('C');
    assertThat(WindowsAppsOnSystemDriveCheck.programDrive("system32\\svchost.exe")).isEmpty();
    assertThat(WindowsAppsOnSystemDriveCheck.driveOf("MsiExec.exe /X{1234}")).isEmpty();
    assertThat(WindowsAppsOnSystemDriveCheck.driveOf("\"E:\\x\\unins000.exe\"")).contains('E');
  }
}

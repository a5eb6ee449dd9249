package dev.imageprep.rules.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.Fact;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowsVersionTest {

  @Test
  void readsWindows10AndLaterFromTheMajorVersionNumber() {
    WindowsVersion v = WindowsVersion.read(new MapRegistry(RegExport.resource("software-server2019.reg"))).value();
    assertThat(v.major()).isEqualTo(10);
    assertThat(v.build()).isEqualTo(17763);
    assertThat(v.isServer()).isTrue();
    assertThat(v.before("10.0")).isFalse();
    assertThat(v.toOsRelease().id()).isEqualTo("windows");
    assertThat(v.toOsRelease().is("windows-server")).isTrue();
  }

  @Test
  void readsWindows7FromCurrentVersion() {
    WindowsVersion v = WindowsVersion.read(new MapRegistry(RegExport.parse("""
        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]
        "CurrentVersion"="6.1"
        "CurrentBuildNumber"="7601"
        "ProductName"="Windows Server 2008 R2 Datacenter"
        """))).value();
    assertThat(v.major()).isEqualTo(6);
    assertThat(v.minor()).isEqualTo(1);
    assertThat(v.before("10.0")).isTrue();
    assertThat(v.label()).isEqualTo("Windows Server 2008 R2 Datacenter (6.1.7601)");
  }

  @Test
  void namesWindows11ThoughItsProductNameSaysWindows10() {
    WindowsVersion v = WindowsVersion.read(new MapRegistry(RegExport.parse("""
        [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]
        "CurrentMajorVersionNumber"=dword:0000000a
        "CurrentMinorVersionNumber"=dword:00000000
        "CurrentBuildNumber"="22631"
        "ProductName"="Windows 10 Pro"
        "InstallationType"="Client"
        """))).value();
    assertThat(v.label()).isEqualTo("Windows 11 Pro (10.0.22631)");
  }

  @Test
  void aMissingOrUnreadableKeyIsUnknown() {
    assertThat(WindowsVersion.read(new MapRegistry(Map.of())).reason()).contains("no HKLM\\SOFTWARE\\Microsoft");
    Fact<WindowsVersion> denied = WindowsVersion.read(new MapRegistry(RegExport.resource("software-server2019.reg"))
        .deny("HKLM\\SOFTWARE\\Microsoft"));
    assertThat(denied.isKnown()).isFalse();
    assertThat(denied.reason()).contains("access denied");
  }
}

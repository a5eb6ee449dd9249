package dev.imageprep.rules.windows;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.OsRelease;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryProbe;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Windows version of the image, from {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion}.
 * Windows 10 and later keep {@code CurrentVersion = 6.3} for old programs and give the real version
 * in {@code CurrentMajorVersionNumber}; Windows 11 still calls itself "Windows 10" in {@code
 * ProductName}, so the build number tells them apart.
 *
 * @param installationType {@code Client} or {@code Server} (empty on Windows 7 / Server 2008 R2)
 */
public record WindowsVersion(int major, int minor, int build, String productName, String installationType,
    String editionId, String displayVersion) {

  /** The registry key the version is read from. */
  public static final String KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

  /*
   * A real sample, from `reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"` on Windows
   * Server 2019 (values that matter here):
   *
   *   CurrentVersion             REG_SZ     6.3
   *   CurrentMajorVersionNumber  REG_DWORD  0xa
   *   CurrentMinorVersionNumber  REG_DWORD  0x0
   *   CurrentBuildNumber         REG_SZ     17763
   *   ProductName                REG_SZ     Windows Server 2019 Datacenter
   *   InstallationType           REG_SZ     Server
   *   EditionID                  REG_SZ     ServerDatacenter
   *   ReleaseId                  REG_SZ     1809
   */
  public static Fact<WindowsVersion> read(RegistryProbe registry) {
    Fact<Optional<RegistryKey>> key = registry.key(KEY);
    if (!key.isKnown()) {
      return Fact.unknown(key.reason());
    }
    if (key.value().isEmpty()) {
      return Fact.unknown("the registry has no " + KEY + " key");
    }
    RegistryKey k = key.value().get();
    int major;
    int minor;
    Optional<Long> maj = k.number("CurrentMajorVersionNumber");
    if (maj.isPresent()) {
      major = maj.get().intValue();
      minor = k.number("CurrentMinorVersionNumber").orElse(0L).intValue();
    } else {
      Optional<String> v = k.text("CurrentVersion");
      if (v.isEmpty() || !v.get().matches("\\d+\\.\\d+")) {
        return Fact.unknown(KEY + " has no readable CurrentVersion");
      }
      String[] parts = v.get().split("\\.");
      major = Integer.parseInt(parts[0]);
      minor = Integer.parseInt(parts[1]);
    }
    int build = k.text("CurrentBuildNumber").or(() -> k.text("CurrentBuild"))
        .filter(s -> s.matches("\\d{1,9}")).map(Integer::parseInt).orElse(0);
    String display = k.text("DisplayVersion").or(() -> k.text("ReleaseId")).orElse("");
    return Fact.known(new WindowsVersion(major, minor, build, k.text("ProductName").orElse("Windows"),
        k.text("InstallationType").orElse(""), k.text("EditionID").orElse(""), display));
  }

  /** True when this version is older than {@code major.minor}. */
  public boolean before(int otherMajor, int otherMinor) {
    return major < otherMajor || (major == otherMajor && minor < otherMinor);
  }

  /** Parses {@code "10.0"} and tells whether this version is older. */
  public boolean before(String version) {
    String[] parts = version.strip().split("\\.");
    int otherMajor = Integer.parseInt(parts[0]);
    int otherMinor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    return before(otherMajor, otherMinor);
  }

  public boolean isServer() {
    return installationType.toLowerCase(Locale.ROOT).startsWith("server")
        || productName.toLowerCase(Locale.ROOT).contains("server");
  }

  /** The product name, corrected for Windows 11, with the version number: {@code Windows 11 Pro (10.0.22631)}. */
  public String label() {
    String name = productName;
    if (!isServer() && major == 10 && build >= 22000 && name.startsWith("Windows 10")) {
      name = "Windows 11" + name.substring("Windows 10".length());
    }
    return name + " (" + major + "." + minor + (build > 0 ? "." + build : "") + ")";
  }

  /** The version in the shape the Linux side uses, for reports and {@code when: {os: ...}}. */
  public OsRelease toOsRelease() {
    return new OsRelease("windows", List.of(isServer() ? "windows-server" : "windows-client"),
        major + "." + minor + (build > 0 ? "." + build : ""), label());
  }
}

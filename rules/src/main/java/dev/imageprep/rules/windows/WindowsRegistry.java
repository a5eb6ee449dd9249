package dev.imageprep.rules.windows;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.host.RegistryProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the registry facts the Windows checks share (services, installed applications, user
 * profiles, the computer name) into records. Every method answers {@code Unknown} when the part of
 * the registry it needs cannot be read, and never guesses.
 */
public final class WindowsRegistry {

  public static final String SERVICES = "HKLM\\SYSTEM\\CurrentControlSet\\Services";
  public static final String UNINSTALL = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall";
  public static final String UNINSTALL_32 = "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall";
  public static final String PROFILE_LIST = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList";
  public static final String COMPUTER_NAME = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName";

  private final RegistryProbe registry;
  private final char systemDrive;

  public WindowsRegistry(RegistryProbe registry, char systemDrive) {
    this.registry = registry;
    this.systemDrive = systemDrive;
  }

  /** The registry of a host, with its system drive for expanding paths. */
  public static WindowsRegistry of(HostFacts host) {
    return new WindowsRegistry(host.registry(), host.windows().systemDrive());
  }

  public RegistryProbe probe() {
    return registry;
  }

  public Fact<WindowsVersion> version() {
    return WindowsVersion.read(registry);
  }

  /** A key, or {@code Known(empty)} when it is missing. */
  public Fact<Optional<RegistryKey>> key(String path) {
    return registry.key(path);
  }

  /** The subkeys of a key; a missing key has none. */
  public Fact<List<RegistryKey>> children(String path) {
    Fact<Optional<RegistryKey>> parent = registry.key(path);
    if (!parent.isKnown()) {
      return Fact.unknown(parent.reason());
    }
    if (parent.value().isEmpty()) {
      return Fact.known(List.of());
    }
    List<RegistryKey> out = new ArrayList<>();
    for (String name : parent.value().get().subkeys()) {
      Fact<Optional<RegistryKey>> child = registry.key(parent.value().get().child(name));
      if (!child.isKnown()) {
        return Fact.unknown(child.reason());
      }
      child.value().ifPresent(out::add);
    }
    return Fact.known(out);
  }

  /*
   * A real sample, `reg query HKLM\SYSTEM\CurrentControlSet\Services\MSSQL$SQLEXPRESS`:
   *
   *   Type         REG_DWORD     0x10
   *   Start        REG_DWORD     0x2
   *   ErrorControl REG_DWORD     0x1
   *   ImagePath    REG_EXPAND_SZ "C:\Program Files\Microsoft SQL Server\MSSQL15.SQLEXPRESS\MSSQL\Binn\sqlservr.exe" -sSQLEXPRESS
   *   DisplayName  REG_SZ        SQL Server (SQLEXPRESS)
   *   ObjectName   REG_SZ        CORP\svc-sql
   */
  /** Every service key that has a {@code Type}; keys without one hold only parameters. */
  public Fact<List<WindowsService>> services() {
    Fact<List<RegistryKey>> keys = children(SERVICES);
    if (!keys.isKnown()) {
      return Fact.unknown(keys.reason());
    }
    if (keys.value().isEmpty()) {
      return Fact.unknown("the registry lists no services under " + SERVICES);
    }
    List<WindowsService> out = new ArrayList<>();
    for (RegistryKey k : keys.value()) {
      Optional<Long> type = k.number("Type");
      if (type.isEmpty()) {
        continue;
      }
      String name = k.path().substring(k.path().lastIndexOf('\\') + 1);
      out.add(new WindowsService(name, k.text("DisplayName").orElse(name), type.get(), k.number("Start").orElse(3L),
          k.text("ObjectName").orElse(""), k.text("ImagePath").orElse("")));
    }
    return Fact.known(out);
  }

  /** The service with this name (case-insensitive), if there is one. */
  public Fact<Optional<WindowsService>> service(String name) {
    Fact<Optional<RegistryKey>> key = registry.key(SERVICES + "\\" + name);
    if (!key.isKnown()) {
      return Fact.unknown(key.reason());
    }
    return Fact.known(key.value().flatMap(k -> k.number("Type").map(type -> new WindowsService(name,
        k.text("DisplayName").orElse(name), type, k.number("Start").orElse(3L), k.text("ObjectName").orElse(""),
        k.text("ImagePath").orElse("")))));
  }

  /*
   * A real sample, `reg query "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{...}"`:
   *
   *   DisplayName      REG_SZ  Amazon SSM Agent
   *   DisplayVersion   REG_SZ  3.2.582.0
   *   Publisher        REG_SZ  Amazon Web Services
   *   InstallLocation  REG_SZ  C:\Program Files\Amazon\SSM\
   *   UninstallString  REG_SZ  MsiExec.exe /X{...}
   */
  /** Entries of both uninstall views that have a display name; the 32-bit view may be missing. */
  public Fact<List<InstalledApp>> installedApps() {
    List<InstalledApp> out = new ArrayList<>();
    for (String[] view : new String[][] {{UNINSTALL, "64-bit"}, {UNINSTALL_32, "32-bit"}}) {
      Fact<List<RegistryKey>> keys = children(view[0]);
      if (!keys.isKnown()) {
        return Fact.unknown(keys.reason());
      }
      for (RegistryKey k : keys.value()) {
        Optional<String> name = k.text("DisplayName").filter(s -> !s.isBlank());
        if (name.isEmpty()) {
          continue;
        }
        out.add(new InstalledApp(k.path(), view[1], name.get(), k.text("DisplayVersion").orElse(""),
            k.text("Publisher").orElse(""), k.text("InstallLocation").orElse(""),
            k.text("UninstallString").orElse(""), k.number("SystemComponent").orElse(0L) == 1));
      }
    }
    return Fact.known(out);
  }

  /*
   * A real sample, `reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\S-1-5-21-...-1001"`:
   *
   *   ProfileImagePath  REG_EXPAND_SZ  D:\Users\alice
   *   Flags             REG_DWORD      0x0
   *   State             REG_DWORD      0x0
   */
  /** The registered user profiles with their folders, machine variables expanded. */
  public Fact<List<UserProfile>> profiles() {
    Fact<List<RegistryKey>> keys = children(PROFILE_LIST);
    if (!keys.isKnown()) {
      return Fact.unknown(keys.reason());
    }
    List<UserProfile> out = new ArrayList<>();
    for (RegistryKey k : keys.value()) {
      String sid = k.path().substring(k.path().lastIndexOf('\\') + 1);
      k.text("ProfileImagePath").ifPresent(p -> out.add(new UserProfile(sid, WindowsPath.expand(p, systemDrive))));
    }
    return Fact.known(out);
  }

  /** The computer's NetBIOS name, as the image will boot with it. */
  public Fact<String> computerName() {
    Fact<Optional<RegistryKey>> key = registry.key(COMPUTER_NAME);
    if (!key.isKnown()) {
      return Fact.unknown(key.reason());
    }
    return key.value().flatMap(k -> k.text("ComputerName")).<Fact<String>>map(Fact::known)
        .orElseGet(() -> Fact.unknown("no ComputerName value under " + COMPUTER_NAME));
  }
}

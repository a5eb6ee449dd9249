package dev.imageprep.agent.probe.windows;

import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.windows.RegExport;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Lays out a directory like a mounted Windows Server 2019 WorkSpace system volume: SOFTWARE and
 * SYSTEM hives written from the .reg fixtures, a Default profile, a temp folder. Tests use it, and
 * it runs on its own to try the agent by hand:
 *
 * <pre>
 * mvn -B -q -pl agent -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.imageprep.agent.probe.windows.WindowsVolumeFixture -Dexec.args="/tmp/winvol"
 * </pre>
 *
 * With the argument {@code --big-profile} the profile's Documents hold 11 GB of sparse files, with
 * {@code --launch-password} EC2Launch's LaunchConfig.json holds a clear-text password, and with
 * {@code --large-registry} the hives grow to a real system's size (700 services, 800 uninstall
 * entries, 150,000 class keys), for the benchmark in {@code bench/}.
 */
public final class WindowsVolumeFixture {

  public static final long GB = 1_000_000_000L;
  public static final String PASSWORD = "Sup3r-S3cret!";

  private WindowsVolumeFixture() {}

  public static void main(String[] args) throws IOException {
    Path volume = Path.of(args[0]);
    layOut(volume);
    for (String a : List.of(args).subList(1, args.length)) {
      switch (a) {
        case "--big-profile" -> {
          sparse(volume.resolve("Users/Default/Documents/archive-2019.pst"), 6 * GB);
          sparse(volume.resolve("Users/Default/Documents/videos/keynote.mp4"), 5 * GB);
        }
        case "--launch-password" -> launchConfig(volume, "Specify", PASSWORD);
        case "--large-registry" -> largeRegistry(volume);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    System.out.println("Windows system volume laid out at " + volume);
  }

  /** The hives, a Default profile with empty Documents and Downloads, and a temp folder. */
  public static void layOut(Path volume) throws IOException {
    Path config = Files.createDirectories(volume.resolve("Windows/System32/config"));
    Map<String, List<RegistryValue>> software = RegExport.resource("software-server2019.reg");
    Map<String, List<RegistryValue>> system = RegExport.resource("system-server2019.reg");
    Files.write(config.resolve("SOFTWARE"), HiveBuilder.from(software, "HKLM\\SOFTWARE").build());
    Files.write(config.resolve("SYSTEM"), HiveBuilder.from(system, "HKLM\\SYSTEM").build());
    Files.createDirectories(volume.resolve("Windows/System32/WindowsPowerShell/v1.0"));
    Files.write(volume.resolve("Windows/System32/WindowsPowerShell/v1.0/powershell.exe"), new byte[64]);
    Files.createDirectories(volume.resolve("Users/Default/Documents"));
    Files.createDirectories(volume.resolve("Users/Default/Downloads"));
    Files.createDirectories(volume.resolve("Windows/Temp"));
    Files.writeString(volume.resolve("Windows/Temp/setup.log"), "setup finished\r\n");
  }

  /** Rewrites the hives with as many keys as a real Server 2019's SOFTWARE and SYSTEM hold. */
  static void largeRegistry(Path volume) throws IOException {
    HiveBuilder software = HiveBuilder.from(RegExport.resource("software-server2019.reg"), "HKLM\\SOFTWARE");
    HiveBuilder system = HiveBuilder.from(RegExport.resource("system-server2019.reg"), "HKLM\\SYSTEM");
    for (int i = 0; i < 700; i++) {
      String key = "ControlSet001\\Services\\Svc" + i;
      system.value(key, RegistryValue.dword("Type", i % 3 == 0 ? 1 : 0x10));
      system.value(key, RegistryValue.dword("Start", 3));
      system.value(key, RegistryValue.text("ObjectName", i % 3 == 0 ? "\\Driver\\svc" + i : "LocalSystem"));
      system.value(key, RegistryValue.text("ImagePath", "C:\\Windows\\System32\\svc" + i + ".exe"));
      system.value(key + "\\Parameters", RegistryValue.text("ServiceDll", "svc" + i + ".dll"));
    }
    for (int i = 0; i < 800; i++) {
      String view = i % 2 == 0 ? "" : "Wow6432Node\\";
      String key = view + "Microsoft\\Windows\\CurrentVersion\\Uninstall\\{App-" + i + "}";
      software.value(key, RegistryValue.text("DisplayName", "Application " + i));
      software.value(key, RegistryValue.text("InstallLocation", "C:\\Program Files\\App" + i + "\\"));
      software.value(key, RegistryValue.text("UninstallString", "MsiExec.exe /X{App-" + i + "}"));
    }
    for (int i = 0; i < 150_000; i++) {
      String key = "Classes\\CLSID\\{" + String.format("%08X", i) + "-0000-0000-0000-000000000000}";
      software.value(key, RegistryValue.text("", "Class " + i));
      software.value(key + "\\InprocServer32", RegistryValue.text("", "C:\\Windows\\System32\\c" + i + ".dll"));
    }
    Path config = volume.resolve("Windows/System32/config");
    Files.write(config.resolve("SOFTWARE"), software.build());
    Files.write(config.resolve("SYSTEM"), system.build());
  }

  /** EC2Launch v1's configuration with the given password type and password. */
  public static Path launchConfig(Path volume, String type, String password) throws IOException {
    Path launch = volume.resolve("ProgramData/Amazon/EC2-Windows/Launch/Config/LaunchConfig.json");
    Files.createDirectories(launch.getParent());
    Files.writeString(launch, "{\r\n  \"setComputerName\": false,\r\n  \"adminPasswordType\": \"" + type + "\",\r\n"
        + "  \"adminPassword\": \"" + password + "\"\r\n}\r\n", StandardCharsets.UTF_8);
    return launch;
  }

  /** A sparse file of a logical size: cheap on disk, counted in full. */
  public static void sparse(Path file, long bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
  }
}

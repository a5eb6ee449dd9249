package dev.imageprep.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.probe.windows.HiveTestFiles;
import dev.imageprep.agent.probe.windows.WindowsHives;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.rules.host.RegistryValue;
import dev.imageprep.rules.model.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imageprep registry export} through the real command line. */
class RegistryExportCommandTest {

  @TempDir
  Path tmp;

  CliHarness.Result run(String... args) {
    return new CliHarness(tmp.getFileSystem(), tmp.resolve("state")).run(args);
  }

  static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  @Test
  void printsEveryTypeAsRegExportDoes() throws Exception {
    Path hive = HiveTestFiles.write(tmp.resolve("SOFTWARE"), List.of(
        new HiveTestFiles.Value("Vendor\\App", RegistryValue.text("", "default")),
        new HiveTestFiles.Value("Vendor\\App", RegistryValue.text("Path", "C:\\Program Files\\\"App\"")),
        new HiveTestFiles.Value("Vendor\\App", RegistryValue.dword("Count", 42)),
        new HiveTestFiles.Value("Vendor\\App", new RegistryValue("Expand", RegistryValue.Type.EXPAND_SZ, "%TEMP%")),
        new HiveTestFiles.Value("Vendor\\App", RegistryValue.multi("Multi", List.of("a", "b"))),
        new HiveTestFiles.Value("Vendor\\App", new RegistryValue("Quad", RegistryValue.Type.QWORD, 1L << 33)),
        new HiveTestFiles.Value("Vendor\\App", new RegistryValue("Blob", RegistryValue.Type.BINARY, new byte[30])),
        new HiveTestFiles.Value("Vendor\\App", RegistryValue.text("Forged\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]", "x")),
        new HiveTestFiles.Value("Vendor\\App", RegistryValue.text("Two", "line\r\nbreak")),
        new HiveTestFiles.Value("Vendor\\App\\Sub", RegistryValue.dword("N", 1))));

    CliHarness.Result r = run("registry", "export", hive.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(lines(
        "Windows Registry Editor Version 5.00",
        "",
        "[HKEY_LOCAL_MACHINE\\SOFTWARE]",
        "",
        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]",
        "",
        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\App]",
        "@=\"default\"",
        "\"Path\"=\"C:\\\\Program Files\\\\\\\"App\\\"\"",
        "\"Count\"=dword:0000002a",
        "\"Expand\"=hex(2):25,00,54,00,45,00,4d,00,50,00,25,00,00,00",
        "\"Multi\"=hex(7):61,00,00,00,62,00,00,00,00,00",
        "\"Quad\"=hex(b):00,00,00,00,02,00,00,00",
        "\"Blob\"=hex:" + "00,".repeat(22) + "\\", // broken after a comma once a line reaches 77 characters
        "  " + "00,".repeat(7) + "00",
        "\"Forged\\x0a[HKEY_LOCAL_MACHINE\\\\SOFTWARE\\\\Evil]\"=\"x\"",
        "\"Two\"=hex(1):6c,00,69,00,6e,00,65,00,0d,00,0a,00,62,00,72,00,65,00,61,00,6b,00,\\",
        "  00,00",
        "",
        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\App\\Sub]",
        "\"N\"=dword:00000001",
        ""));
  }

  @Test
  void startsFromAKeyGivenWithOrWithoutTheRootOrThroughCurrentControlSet() throws Exception {
    Path hive = HiveTestFiles.write(tmp.resolve("SYSTEM"), List.of(
        new HiveTestFiles.Value("Select", RegistryValue.dword("Current", 2)),
        new HiveTestFiles.Value("ControlSet002\\Services\\Svc", RegistryValue.text("ObjectName", "LocalSystem"))));
    String expected = lines("Windows Registry Editor Version 5.00", "",
        "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Services\\Svc]", "\"ObjectName\"=\"LocalSystem\"", "");

    for (String key : List.of("ControlSet002\\Services\\Svc", "\\controlset002\\services\\svc",
        "HKLM\\SYSTEM\\ControlSet002\\Services\\Svc", "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Svc")) {
      CliHarness.Result r = run("registry", "export", hive.toString(), key);
      assertThat(r.exitCode()).as(key + r.err()).isZero();
      assertThat(r.out()).as(key).isEqualTo(expected);
    }
    assertThat(run("registry", "export", "--prefix", "HKLM\\OFFLINE", hive.toString(), "Select").out())
        .contains("[HKLM\\OFFLINE\\Select]");
  }

  @Test
  void whatIsNotAHiveOrNotThereIsAUsageErrorWithTheReason() throws Exception {
    Path text = Files.writeString(tmp.resolve("notes.txt"), "not a hive", StandardCharsets.UTF_8);
    CliHarness.Result notHive = run("registry", "export", text.toString());
    assertThat(notHive.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(notHive.err()).isEqualTo("imageprep: " + text + ": notes.txt is not a registry hive (no regf signature)"
        + System.lineSeparator());
    assertThat(notHive.out()).isEmpty();

    CliHarness.Result missing = run("registry", "export", tmp.resolve("nothing").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(missing.err()).contains("nothing: no such file");

    CliHarness.Result dir = run("registry", "export", tmp.toString());
    assertThat(dir.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(dir.err()).contains("not a regular file");

    Path hive = HiveTestFiles.write(tmp.resolve("SOFTWARE"), List.of(
        new HiveTestFiles.Value("Vendor", RegistryValue.dword("N", 1))));
    CliHarness.Result noKey = run("registry", "export", hive.toString(), "Vendor\\Nope");
    assertThat(noKey.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(noKey.err()).contains("no key Vendor\\Nope in " + hive);
    assertThat(noKey.out()).isEmpty();
  }

  @Test
  @Tag(WindowsHives.TAG)
  void aDirtyHiveIsPrintedAsReplayedFromItsLogsAndSaysSoOnStderr() throws Exception {
    Path hive = WindowsHives.copy("SYSTEM_B", tmp, "SYSTEM");
    WindowsHives.copy("SYSTEM_B.LOG1", tmp, "SYSTEM.LOG1");
    WindowsHives.copy("SYSTEM_B.LOG2", tmp, "SYSTEM.LOG2");

    CliHarness.Result r = run("registry", "export", hive.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).startsWith("imageprep: SYSTEM was not closed cleanly (sequence numbers 1622 and 1621);"
        + " replayed 24 log entries (315 dirty pages) from SYSTEM.LOG1 and SYSTEM.LOG2");
    assertThat(r.out().lines().filter(l -> l.startsWith("[")).count()).isEqualTo(35_595);
    assertThat(r.out()).startsWith(lines("Windows Registry Editor Version 5.00", "", "[HKEY_LOCAL_MACHINE\\SYSTEM]"));
  }

  @Test
  @Tag(WindowsHives.TAG)
  void theDamagedRealHiveIsAUsageErrorThatSaysWhere() throws Exception {
    Path hive = WindowsHives.copy("corrupted_system_hive", tmp);
    CliHarness.Result r = run("registry", "export", hive.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.err()).contains("corrupted_system_hive is damaged: cell at offset", "(the export above is incomplete)");
  }
}

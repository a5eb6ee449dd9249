package dev.imageprep.agent.probe.windows;

import com.sun.jna.platform.win32.KnownFolders;
import com.sun.jna.platform.win32.Shell32Util;
import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.PendingUpdates;
import dev.imageprep.rules.host.UpdatesProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Software updates Windows Update would install, asked through the Windows Update Agent's COM API
 * from PowerShell ({@code Microsoft.Update.Session}, the search {@code IsInstalled=0 and IsHidden=0
 * and Type='Software'}). Feature updates are left out — the WorkSpaces guide forbids them — by their
 * classification ("Upgrades", {@value #UPGRADES}), which is the same in every display language.
 *
 * <p>The script goes to powershell.exe as {@code -EncodedCommand} (Base64 of UTF-16LE): the JDK
 * does not escape quotes inside an argument (ProcessImpl's command line), and powershell.exe splits
 * its command line by the C runtime's rules, so a script with {@code "} in it arrived broken. It is
 * started by its full path under System32, because a bare name is looked for in the current
 * directory first; and it writes UTF-8, because redirected output is otherwise in the OEM code page.
 * A mounted volume is not asked, and a search that fails or takes too long is unknown.
 */
public final class WindowsUpdates implements UpdatesProbe {

  static final Duration TIMEOUT = Duration.ofSeconds(180);

  /** The "Upgrades" update classification (WSUS classification GUIDs). */
  static final String UPGRADES = "3689bdc8-b205-4af4-8d4a-a63924c5e9d5";

  static final String SCRIPT = String.join("\n",
      "$ErrorActionPreference = 'Stop'",
      "$OutputEncoding = [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false",
      "$searcher = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()",
      "$result = $searcher.Search(\"IsInstalled=0 and IsHidden=0 and Type='Software'\")",
      "foreach ($u in $result.Updates) {",
      "  $categories = @($u.Categories | ForEach-Object { $_.CategoryID }) -join ','",
      "  'UPDATE ' + $categories + ' ' + $u.Title",
      "}",
      "'DONE ' + $result.Updates.Count");

  private final CommandRunner runner;
  private final String powershell;

  /**
   * @param powershell the full path of powershell.exe, or null on a mounted volume (never asked)
   */
  public WindowsUpdates(CommandRunner runner, String powershell) {
    this.runner = runner;
    this.powershell = powershell;
  }

  /** Windows PowerShell in the running system's System32 (the known folder, else %SystemRoot%). */
  public static String systemPowerShell(Map<String, String> env) {
    String system32;
    try {
      system32 = Shell32Util.getKnownFolderPath(KnownFolders.FOLDERID_System);
    } catch (RuntimeException | LinkageError e) {
      system32 = env.getOrDefault("SystemRoot", "C:\\Windows") + "\\System32";
    }
    return system32 + "\\WindowsPowerShell\\v1.0\\powershell.exe";
  }

  /** The command line: no profile, no prompts, the script Base64-encoded as UTF-16LE. */
  List<String> command() {
    String encoded = Base64.getEncoder().encodeToString(SCRIPT.getBytes(StandardCharsets.UTF_16LE));
    return List.of(powershell, "-NoLogo", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
        "-EncodedCommand", encoded);
  }

  @Override
  public Fact<PendingUpdates> pending() {
    if (powershell == null) {
      return Fact.unknown("not asked on a mounted volume: run the check on the running instance");
    }
    try {
      Optional<CommandRunner.Result> r = runner.run(command(), TIMEOUT);
      if (r.isEmpty()) {
        return Fact.unknown(powershell + " could not be started");
      }
      if (r.get().exitCode() != 0) {
        return Fact.unknown("the Windows Update search failed (exit " + r.get().exitCode() + "): "
            + firstLine(r.get().stderr()));
      }
      return parse(r.get().stdout());
    } catch (CommandRunner.CommandTimeoutException e) {
      return Fact.unknown(e.getMessage());
    }
  }

  /*
   * Sample output (categories, a space, the title in the system's display language):
   *   UPDATE 0fa1201d-4330-4fa8-8ae9-b877473b6441,6407468e-edc7-4ecd-8c32-521f64cee65e 2024-05 Kumulatives Update …
   *   UPDATE 3689bdc8-b205-4af4-8d4a-a63924c5e9d5,a3c2375d-0c8a-42f9-bce0-28333e198407 Funktionsupdate für Windows 10 …
   *   DONE 2
   */
  static Fact<PendingUpdates> parse(String out) {
    List<String> titles = new ArrayList<>();
    boolean done = false;
    for (String line : out.split("\r?\n")) {
      if (line.startsWith("UPDATE ")) {
        String rest = line.substring(7);
        int space = rest.indexOf(' ');
        String categories = space < 0 ? rest : rest.substring(0, space);
        String title = space < 0 ? "" : rest.substring(space + 1).strip();
        if (!categories.toLowerCase(Locale.ROOT).contains(UPGRADES)) {
          titles.add(title);
        }
      } else if (line.startsWith("DONE ")) {
        done = true;
      }
    }
    return done ? Fact.known(new PendingUpdates("Windows Update", titles))
        : Fact.unknown("the Windows Update search did not finish");
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}

package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.PendingUpdates;
import dev.imageprep.rules.host.UpdatesProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Software updates Windows Update would install, asked through the Windows Update Agent's COM API
 * from PowerShell ({@code Microsoft.Update.Session}, the search {@code IsInstalled=0 and IsHidden=0
 * and Type='Software'}). Feature updates are left out: the WorkSpaces seed forbids them. A mounted
 * volume is not asked, and a search that fails or takes too long is unknown.
 */
public final class WindowsUpdates implements UpdatesProbe {

  static final Duration TIMEOUT = Duration.ofSeconds(180);
  static final String SCRIPT = "$ErrorActionPreference='Stop'; "
      + "$r = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()"
      + ".Search(\"IsInstalled=0 and IsHidden=0 and Type='Software'\"); "
      + "foreach ($u in $r.Updates) { 'UPDATE ' + $u.Title }; 'DONE ' + $r.Updates.Count";

  private final CommandRunner runner;
  private final boolean offline;

  public WindowsUpdates(CommandRunner runner, boolean offline) {
    this.runner = runner;
    this.offline = offline;
  }

  @Override
  public Fact<PendingUpdates> pending() {
    if (offline) {
      return Fact.unknown("not asked on a mounted volume: run the check on the running instance");
    }
    try {
      Optional<CommandRunner.Result> r = runner.run(List.of("powershell.exe", "-NoProfile", "-NonInteractive",
          "-ExecutionPolicy", "Bypass", "-Command", SCRIPT), TIMEOUT);
      if (r.isEmpty()) {
        return Fact.unknown("powershell.exe could not be started");
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
   * Sample output:
   *   UPDATE 2024-05 Cumulative Update for Windows Server 2019 (1809) for x64-based Systems (KB5037765)
   *   UPDATE Feature update to Windows 10, version 22H2
   *   DONE 2
   */
  static Fact<PendingUpdates> parse(String out) {
    List<String> titles = new ArrayList<>();
    boolean done = false;
    for (String line : out.split("\r?\n")) {
      if (line.startsWith("UPDATE ")) {
        String title = line.substring(7).strip();
        String lower = title.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("feature update") && !lower.startsWith("upgrade to windows")) {
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

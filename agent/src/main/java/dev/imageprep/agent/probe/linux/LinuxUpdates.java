package dev.imageprep.agent.probe.linux;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.PendingUpdates;
import dev.imageprep.rules.host.UpdatesProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pending updates from the live system's package manager: {@code dnf}/{@code yum check-update}
 * (exit 100 = updates available, 0 = none, 1 = error) or {@code apt-get -s upgrade}. A mounted image
 * is not asked: its repositories and package manager are not this machine's.
 */
public final class LinuxUpdates implements UpdatesProbe {

  static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final CommandRunner runner;
  private final boolean offline;

  public LinuxUpdates(CommandRunner runner, boolean offline) {
    this.runner = runner;
    this.offline = offline;
  }

  @Override
  public Fact<PendingUpdates> pending() {
    if (offline) {
      return Fact.unknown("not asked on a mounted root: run the check on the running instance");
    }
    try {
      for (String tool : List.of("dnf", "yum")) {
        Optional<CommandRunner.Result> r = runner.run(List.of(tool, "-q", "check-update"), TIMEOUT);
        if (r.isPresent()) {
          return fromCheckUpdate(tool + " check-update", r.get());
        }
      }
      Optional<CommandRunner.Result> apt = runner.run(
          List.of("apt-get", "-s", "-o", "Debug::NoLocking=1", "upgrade"), TIMEOUT);
      if (apt.isPresent()) {
        if (apt.get().exitCode() != 0) {
          return Fact.unknown("apt-get -s upgrade failed (exit " + apt.get().exitCode() + ")");
        }
        return Fact.known(new PendingUpdates("apt-get -s upgrade", parseAptSimulation(apt.get().stdout())));
      }
      return Fact.unknown("no package manager found (dnf, yum, apt-get)");
    } catch (CommandRunner.CommandTimeoutException e) {
      return Fact.unknown(e.getMessage());
    }
  }

  static Fact<PendingUpdates> fromCheckUpdate(String tool, CommandRunner.Result r) {
    return switch (r.exitCode()) {
      case 0 -> Fact.known(new PendingUpdates(tool, List.of()));
      case 100 -> Fact.known(new PendingUpdates(tool, parseCheckUpdate(r.stdout())));
      default -> Fact.unknown(tool + " failed (exit " + r.exitCode() + "): repositories unreachable?");
    };
  }

  /*
   * Sample (yum check-update, exit 100):
   *   kernel.x86_64          5.10.230-223.885.amzn2     amzn2extra-kernel-5.10
   *   Obsoleting Packages
   *   ...
   */
  static List<String> parseCheckUpdate(String out) {
    List<String> pkgs = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("Obsoleting") || line.startsWith("Security:")) {
        break;
      }
      String[] f = line.strip().split("\\s+");
      if (f.length == 3 && f[0].contains(".") && !line.startsWith(" ")) {
        pkgs.add(f[0] + " " + f[1]);
      }
    }
    return pkgs;
  }

  /* Sample (apt-get -s upgrade): "Inst openssl [3.0.15-1~deb12u1] (3.0.16-1~deb12u1 Debian-Security:12/stable-security [amd64])" */
  static List<String> parseAptSimulation(String out) {
    List<String> pkgs = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("Inst ")) {
        String[] f = line.split("\\s+");
        pkgs.add(f[1]);
      }
    }
    return pkgs;
  }
}

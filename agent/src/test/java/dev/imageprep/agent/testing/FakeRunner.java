package dev.imageprep.agent.testing;

import dev.imageprep.agent.probe.common.CommandRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scripted answers for external commands, keyed by the command's first word; others are "not installed". */
public final class FakeRunner implements CommandRunner {

  private final Map<String, Result> byTool;

  public FakeRunner(Map<String, Result> byTool) {
    this.byTool = Map.copyOf(byTool);
  }

  /** No package manager at all: the live updates check cannot see, and says so. */
  public static FakeRunner noPackageManager() {
    return new FakeRunner(Map.of());
  }

  /** apt-get with nothing to upgrade. */
  public static FakeRunner aptUpToDate() {
    return new FakeRunner(Map.of("apt-get", new Result(0, "0 upgraded, 0 newly installed, 0 to remove and 0 not"
        + " upgraded.\n", "")));
  }

  @Override
  public Optional<Result> run(List<String> command, Duration timeout) {
    return Optional.ofNullable(byTool.get(command.get(0)));
  }
}

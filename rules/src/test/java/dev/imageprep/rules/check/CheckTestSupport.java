package dev.imageprep.rules.check;

import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.testing.FakeHost;
import java.util.List;
import java.util.Set;

/** Runs one check type against a fake host, with no cleanup planned unless a test says so. */
final class CheckTestSupport {

  private CheckTestSupport() {}

  static CheckContext context(FakeHost host) {
    return new CheckContext(host, new CleanupPlan(List.of()), Set.of(), List.of());
  }

  static CheckContext workspaces(FakeHost host) {
    return new CheckContext(host, new CleanupPlan(List.of()), Set.of(), List.of(ImagePath.of("/home")));
  }
}

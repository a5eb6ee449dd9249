package dev.imageprep.agent.cli;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.run.Confirmation;
import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The prompt before a cleanup: what the plan will do, item by item (paths and bytes; with --verbose
 * every path), then {@code Continue? [y/N]}. Only "y" or "yes" goes ahead.
 */
final class TerminalConfirmation implements Confirmation {

  private final AgentEnvironment env;
  private final PrintWriter out;
  private final boolean verbose;

  TerminalConfirmation(AgentEnvironment env, PrintWriter out, boolean verbose) {
    this.env = env;
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public boolean confirm(CleanupPlan plan, Path root, String profile) {
    Map<String, List<PlannedStep>> byItem = new LinkedHashMap<>();
    plan.steps().stream().filter(PlannedStep::isPlanned)
        .forEach(s -> byItem.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s));
    long paths = byItem.values().stream().mapToLong(List::size).sum();
    out.printf(Locale.ROOT, "The cleanup will change %d path%s (%s) in %d item%s under %s (profile %s):%n", paths,
        paths == 1 ? "" : "s", Bytes.human(plan.plannedBytes()), byItem.size(), byItem.size() == 1 ? "" : "s", root,
        profile);
    byItem.forEach((id, steps) -> {
      long bytes = steps.stream().mapToLong(s -> Math.max(0, s.bytes())).sum();
      out.printf(Locale.ROOT, "  %-28s %-16s %6d path%s %10s%n", id, steps.get(0).action().key(), steps.size(),
          steps.size() == 1 ? " " : "s", Bytes.human(bytes));
      if (verbose) {
        steps.forEach(s -> out.printf(Locale.ROOT, "      %s%n", s.path()));
      }
    });
    long refused = plan.steps().size() - paths;
    if (refused > 0) {
      out.printf(Locale.ROOT, "  (%d more path%s will be left alone: --dry-run shows why)%n", refused,
          refused == 1 ? "" : "s");
    }
    if (!verbose) {
      out.println("  (--verbose lists every path)");
    }
    out.print("Continue? [y/N] ");
    out.flush();
    try {
      String answer = env.answers().readLine();
      return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    } catch (IOException e) {
      return false;
    }
  }
}

package dev.imageprep.agent.cli;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.report.TerminalText;
import dev.imageprep.agent.run.Confirmation;
import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.StepList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    // counted per item in one pass, never holding the steps: a plan may have a million
    Map<String, long[]> byItem = new LinkedHashMap<>(); // id -> {paths, bytes}
    Map<String, String> actions = new LinkedHashMap<>();
    StepList steps = plan.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.status(i) == CleanupStatus.PLANNED) {
        long[] n = byItem.computeIfAbsent(steps.id(i), k -> new long[2]);
        n[0]++;
        n[1] += Math.max(0, steps.bytes(i));
        actions.putIfAbsent(steps.id(i), steps.action(i).key());
      }
    }
    long paths = byItem.values().stream().mapToLong(n -> n[0]).sum();
    out.printf(Locale.ROOT, "The cleanup will change %d path%s (%s) in %d item%s under %s (profile %s):%n", paths,
        paths == 1 ? "" : "s", Bytes.human(plan.plannedBytes()), byItem.size(), byItem.size() == 1 ? "" : "s",
        TerminalText.escape(root.toString()), profile);
    byItem.forEach((id, n) -> {
      out.printf(Locale.ROOT, "  %-28s %-16s %6d path%s %10s%n", id, actions.get(id), n[0], n[0] == 1 ? " " : "s",
          Bytes.human(n[1]));
      if (verbose) {
        for (int i = 0; i < steps.size(); i++) {
          if (steps.status(i) == CleanupStatus.PLANNED && steps.id(i).equals(id)) {
            out.printf(Locale.ROOT, "      %s%n", TerminalText.escape(steps.path(i).toString()));
          }
        }
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

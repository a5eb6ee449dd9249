package dev.imageprep.agent.cleanup;

import dev.imageprep.rules.cleanup.ActionKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The action for each step kind. {@code empty-dir} has no action of its own: the planner turns it
 * into one {@code remove} step per entry.
 */
public final class CleanupActions {

  private final Map<ActionKind, CleanupAction> byKind = new EnumMap<>(ActionKind.class);

  public CleanupActions(List<CleanupAction> actions) {
    for (CleanupAction a : actions) {
      if (byKind.put(a.kind(), a) != null) {
        throw new IllegalStateException("two actions for " + a.kind());
      }
    }
  }

  public static CleanupActions standard() {
    return new CleanupActions(List.of(
        // keep-sorted start
        new ClearPasswordAction(),
        new RemoveAction(),
        new ResetMachineIdAction(),
        new ShredAction(),
        new TruncateAction()
        // keep-sorted end
        ));
  }

  public Optional<CleanupAction> forKind(ActionKind kind) {
    return Optional.ofNullable(byKind.get(kind));
  }
}

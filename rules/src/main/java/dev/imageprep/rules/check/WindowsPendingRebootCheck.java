package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.model.Evidence;
import java.util.List;
import java.util.Optional;

/**
 * Windows is not waiting for a reboot to finish installing updates. Each marker is a registry key
 * that exists only while a reboot is pending (Component Based Servicing's {@code RebootPending},
 * Windows Update's {@code RebootRequired}) or a value that is not empty ({@code
 * PendingFileRenameOperations}); the report names the markers that fired, as Microsoft's
 * HealthChecker does. The Configuration Manager client's own flag is only visible through WMI and is
 * not read.
 */
public final class WindowsPendingRebootCheck extends CheckTypeBase<WindowsPendingRebootCheck.Params> {

  /**
   * @param keys registry keys whose existence means a reboot is pending
   * @param values registry values ({@code key} and {@code name}) that mean it when not empty
   */
  public record Params(List<String> keys, List<ValueMarker> values) {
    public Params {
      keys = keys == null ? List.of() : List.copyOf(keys);
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** A registry value that marks a pending reboot when it holds anything. */
  public record ValueMarker(String key, String name) {}

  public WindowsPendingRebootCheck() {
    super("windows-pending-reboot",
        "No reboot is pending (servicing, Windows Update and file-rename markers in the registry)", Params.class);
  }

  @Override
  public void validate(Params p) {
    if (p.keys().isEmpty() && p.values().isEmpty()) {
      throw new IllegalArgumentException("name at least one key or value marker");
    }
    for (ValueMarker v : p.values()) {
      if (v.key() == null || v.name() == null) {
        throw new IllegalArgumentException("every value marker needs key and name");
      }
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Judgement judgement = new Judgement();
    for (String key : p.keys()) {
      Fact<Optional<RegistryKey>> k = context.host().registry().key(key);
      if (judgement.sees(key, k) && k.value().isPresent()) {
        judgement.found(Evidence.of("reboot-pending", key + " exists"));
      }
    }
    for (ValueMarker v : p.values()) {
      Fact<Optional<RegistryKey>> k = context.host().registry().key(v.key());
      if (!judgement.sees(v.key(), k)) {
        continue;
      }
      k.value().flatMap(key -> key.value(v.name())).ifPresent(value -> {
        long entries = value.asStrings().stream().filter(s -> !s.isBlank()).count();
        if (entries > 0) {
          judgement.found(Evidence.of("reboot-pending", v.key() + "\\" + v.name() + " lists " + entries + " entr"
              + (entries == 1 ? "y" : "ies")));
        }
      });
    }
    return judgement.toOutcome(
        fired -> "a reboot is pending: restart Windows, let the updates finish, and check again",
        unseen -> "could not read: " + String.join("; ", unseen), () -> "no pending-reboot marker in the registry");
  }
}

package dev.imageprep.rules.check;

import dev.imageprep.rules.host.CloudInitConfig;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.UnitInfo;
import dev.imageprep.rules.model.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether cloud-init will generate SSH host keys on a new instance: it is not disabled, its merged
 * configuration runs the {@code ssh} module in some stage, with key types to generate and no fixed
 * {@code ssh_keys}, and the systemd units that run that stage are neither masked nor left disabled.
 * ({@code ssh_deletekeys} does not matter: cloud-init generates each missing key either way.)
 */
final class CloudInitKeygen {

  /** cloud-init's stages, the configuration key listing each one's modules, and the units that run it. */
  private static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

  static {
    // cloud-init 24.3 renamed cloud-init.service to cloud-init-network.service
    STAGES.put("cloud_init_modules", List.of("cloud-init-network.service", "cloud-init.service"));
    STAGES.put("cloud_config_modules", List.of("cloud-config.service"));
    STAGES.put("cloud_final_modules", List.of("cloud-final.service"));
  }

  private static final List<String> WHOLE_UNITS = List.of("cloud-init.target", "cloud-init-main.service");
  private static final ImagePath DISABLED = ImagePath.of("/etc/cloud/cloud-init.disabled");

  /**
   * @param generates true when every condition holds
   * @param evidence what was found: the stage and unit when it generates, every obstacle otherwise
   * @param blind what could not be read, or null; then {@code generates} is false and means nothing
   */
  record Verdict(boolean generates, List<Evidence> evidence, String blind) {}

  private CloudInitKeygen() {}

  static Verdict judge(HostFacts host) {
    Fact<Optional<FileInfo>> disabled = host.files().stat(DISABLED);
    if (!disabled.isKnown()) {
      return blind(DISABLED + ": " + disabled.reason());
    }
    if (disabled.value().isPresent()) {
      return no(Evidence.atPath(DISABLED.toString(), "cloud-init-disabled", "cloud-init is installed but disabled"));
    }
    Fact<Optional<CloudInitConfig>> config = host.cloudInit().config();
    if (!config.isKnown()) {
      return blind("cloud-init's configuration: " + config.reason());
    }
    if (config.value().isEmpty()) {
      return no(Evidence.atPath("/etc/cloud/cloud.cfg", "cloud-init-unconfigured", "cloud-init is installed but has no"
          + " /etc/cloud/cloud.cfg"));
    }
    CloudInitConfig cfg = config.value().get();
    List<Evidence> against = new ArrayList<>();
    String stage = stageRunningSsh(cfg);
    if (stage == null) {
      against.add(Evidence.atPath(cfg.source("cloud_init_modules"), "cloud-init-ssh-off", "the ssh module is in none of "
          + String.join(", ", STAGES.keySet()) + " of the merged configuration"));
    }
    if (cfg.has("ssh_keys")) {
      against.add(Evidence.atPath(cfg.source("ssh_keys"), "cloud-init-fixed-keys", "ssh_keys is set: cloud-init installs"
          + " those keys on every instance instead of generating new ones"));
    }
    if (cfg.has("ssh_genkeytypes") && keyTypes(cfg.values().get("ssh_genkeytypes")).isEmpty()) {
      against.add(Evidence.atPath(cfg.source("ssh_genkeytypes"), "cloud-init-no-key-types",
          "ssh_genkeytypes is empty: the ssh module generates no host key"));
    }
    Fact<List<UnitInfo>> all = host.services().units();
    if (!all.isKnown()) {
      return blind("systemd units: " + all.reason());
    }
    Evidence runner = null;
    if (!all.value().isEmpty()) { // an image without systemd starts cloud-init some other way
      for (String whole : WHOLE_UNITS) {
        unit(host, whole).filter(u -> u.state().equals("masked")).ifPresent(u -> against.add(masked(u)));
      }
      if (stage != null) {
        Optional<UnitInfo> u = STAGES.get(stage).stream().map(n -> unit(host, n)).flatMap(Optional::stream).findFirst();
        if (u.isEmpty()) {
          against.add(Evidence.of("cloud-init-unit-missing", "no systemd unit runs cloud-init's " + stage + " (looked for "
              + String.join(", ", STAGES.get(stage)) + ")"));
        } else if (u.get().state().equals("masked")) {
          against.add(masked(u.get()));
        } else if (!u.get().enabled()) {
          against.add(Evidence.atPath(u.get().fragment().toString(), "cloud-init-unit-disabled", u.get().name()
              + " runs " + stage + " but is not enabled (" + u.get().state() + ")"));
        } else {
          runner = Evidence.atPath(u.get().fragment().toString(), "cloud-init-unit", u.get().name() + " ("
              + u.get().state() + ") runs it");
        }
      }
    }
    if (!against.isEmpty()) {
      return new Verdict(false, against, null);
    }
    List<Evidence> support = new ArrayList<>();
    support.add(Evidence.atPath(cfg.source(stage), "cloud-init-ssh", "the ssh module is in " + stage));
    if (runner != null) {
      support.add(runner);
    }
    return new Verdict(true, support, null);
  }

  private static Optional<UnitInfo> unit(HostFacts host, String name) {
    Fact<Optional<UnitInfo>> u = host.services().unit(name);
    return u.isKnown() ? u.value() : Optional.empty(); // the unit list was readable, so this one is too
  }

  private static Evidence masked(UnitInfo u) {
    return Evidence.atPath(u.fragment().toString(), "cloud-init-unit-masked", u.name() + " is masked, so it never starts");
  }

  /** The first stage whose module list holds the ssh module, or null. */
  private static String stageRunningSsh(CloudInitConfig cfg) {
    for (String stage : STAGES.keySet()) {
      if (cfg.values().get(stage) instanceof List<?> modules && modules.stream().anyMatch(CloudInitKeygen::isSsh)) {
        return stage;
      }
    }
    return null;
  }

  /** A module entry is a name ("ssh", "cc_ssh") or a list whose first item is the name; cloud-init canonicalises it. */
  private static boolean isSsh(Object entry) {
    Object name = entry instanceof List<?> l && !l.isEmpty() ? l.get(0) : entry;
    if (!(name instanceof String s)) {
      return false;
    }
    String canon = s.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (canon.endsWith(".py")) {
      canon = canon.substring(0, canon.length() - 3);
    }
    return canon.equals("ssh") || canon.equals("cc_ssh");
  }

  /** As cloud-init's get_cfg_option_list: nothing is no types, a single value is one type. */
  private static List<?> keyTypes(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof List<?> l ? l : List.of(value);
  }

  private static Verdict no(Evidence e) {
    return new Verdict(false, List.of(e), null);
  }

  private static Verdict blind(String reason) {
    return new Verdict(false, List.of(), reason);
  }
}

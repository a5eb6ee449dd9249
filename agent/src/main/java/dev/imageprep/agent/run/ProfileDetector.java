package dev.imageprep.agent.run;

import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.Signs;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.OsRelease;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.model.ProfileDetection;
import dev.imageprep.rules.model.ProfileDetection.Sign;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a profile for {@code --profile auto} from the signs every profile of the image's platform
 * declares in the catalog ({@code detect:}: the agents and state its own rules and cleanup items
 * name), plus, on a running system, EC2's hardware (DMI vendor, Xen uuid, BIOS maker). Every sign
 * seen is reported with the profile it points to. A service that runs on EC2 (WorkSpaces, OpsWorks)
 * wins over EC2 itself, whose hardware its instances share; between two services, more signs win.
 * With no sign the platform's generic profile is taken, and the detection says it fell back.
 */
public final class ProfileDetector {

  /** The choice, why, and everything seen. */
  public record Choice(String profile, String reason, ProfileDetection detection) {}

  private final Catalog catalog;

  public ProfileDetector(Catalog catalog) {
    this.catalog = catalog;
  }

  public Choice detect(HostFacts host) {
    Platform platform = host.info().platform();
    List<Profile> profiles = new ArrayList<>();
    for (String id : catalog.profileIds()) {
      Profile p = catalog.resolve(id);
      if (p.platform() == platform) {
        profiles.add(p);
      }
    }
    List<Sign> seen = new ArrayList<>();
    for (Profile p : profiles) {
      seen.addAll(seenSigns(host, p));
    }
    profiles.stream().filter(p -> p.environment().equals("ec2")).findFirst()
        .ifPresent(ec2 -> seen.addAll(hardwareSigns(host, ec2.id())));
    Map<String, List<Sign>> byProfile = new LinkedHashMap<>();
    seen.forEach(s -> byProfile.computeIfAbsent(s.profile(), k -> new ArrayList<>()).add(s));
    Optional<Profile> chosen = profiles.stream().filter(p -> byProfile.containsKey(p.id()))
        .min(Comparator.comparingInt((Profile p) -> p.environment().equals("ec2") ? 1 : 0)
            .thenComparing(p -> -byProfile.get(p.id()).size()));
    if (chosen.isEmpty()) {
      String generic = profiles.stream().filter(p -> p.parent() == null).map(Profile::id).findFirst()
          .orElse(platform.key());
      return new Choice(generic, "auto-detection found no WorkSpaces, OpsWorks or EC2 signs: generic "
          + (platform == Platform.WINDOWS ? "Windows" : "Linux") + " profile", new ProfileDetection(seen, true));
    }
    Profile p = chosen.get();
    StringBuilder reason = new StringBuilder("auto-detected: ").append(describe(p, byProfile.get(p.id())));
    byProfile.forEach((id, signs) -> {
      if (!id.equals(p.id())) {
        reason.append("; also seen: ").append(describe(catalog.resolve(id), signs));
      }
    });
    return new Choice(p.id(), reason.toString(), new ProfileDetection(seen, false));
  }

  private static String describe(Profile p, List<Sign> signs) {
    List<String> shown = signs.stream().limit(4).map(Sign::toString).toList();
    return signs.size() + " " + environmentName(p.environment()) + " sign" + (signs.size() == 1 ? "" : "s")
        + " (" + String.join(", ", shown) + (signs.size() > shown.size() ? ", …" : "") + ")";
  }

  private static String environmentName(String environment) {
    return switch (environment) {
      case "workspaces" -> "WorkSpaces";
      case "opsworks" -> "OpsWorks";
      case "ec2" -> "EC2";
      default -> environment;
    };
  }

  /** The catalog signs of one profile that the image shows. */
  private static List<Sign> seenSigns(HostFacts host, Profile p) {
    Signs signs = p.signs();
    List<Sign> seen = new ArrayList<>();
    for (String path : signs.paths()) {
      var f = host.files().stat(ImagePath.of(path));
      if (f.isKnown() && f.value().isPresent()) {
        seen.add(new Sign("path", path, p.id()));
      }
    }
    for (String key : signs.registryKeys()) {
      var k = host.registry().key(key);
      if (k.isKnown() && k.value().isPresent()) {
        seen.add(new Sign("registry-key", key, p.id()));
      }
    }
    for (String unit : signs.units()) {
      var u = host.services().unit(unit);
      if (u.isKnown() && u.value().isPresent()) {
        seen.add(new Sign("unit", unit, p.id()));
      }
    }
    if (!signs.osIds().isEmpty()) {
      Fact<OsRelease> os = host.os().release();
      if (os.isKnown() && signs.osIds().contains(os.value().id())) {
        seen.add(new Sign("os-id", os.value().id(), p.id()));
      }
    }
    if (!signs.packages().isEmpty()) {
      Fact<PackageInventory> packages = host.packages().installed();
      for (String name : signs.packages()) {
        if (packages.isKnown() && packages.value().has(name)) {
          seen.add(new Sign("package", name, p.id()));
        }
      }
    }
    return seen;
  }

  /** EC2's hardware, which only a running system shows: not in the catalog, the same for every image. */
  private static List<Sign> hardwareSigns(HostFacts host, String ec2Profile) {
    List<Sign> seen = new ArrayList<>();
    if (host.info().offline()) {
      return seen;
    }
    if (host.info().platform() == Platform.WINDOWS) {
      var bios = host.registry().key("HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS");
      if (bios.isKnown() && bios.value().flatMap(b -> b.text("SystemManufacturer")).filter("Amazon EC2"::equals)
          .isPresent()) {
        seen.add(new Sign("bios-maker", "Amazon EC2", ec2Profile));
      }
      return seen;
    }
    if (text(host, "/sys/class/dmi/id/sys_vendor").map(String::strip).filter("Amazon EC2"::equals).isPresent()) {
      seen.add(new Sign("dmi-vendor", "Amazon EC2", ec2Profile));
    }
    if (text(host, "/sys/hypervisor/uuid").map(u -> u.strip().toLowerCase(Locale.ROOT)).filter(u -> u.startsWith("ec2"))
        .isPresent()) {
      seen.add(new Sign("hypervisor", "Xen uuid ec2…", ec2Profile));
    }
    return seen;
  }

  private static Optional<String> text(HostFacts host, String path) {
    return host.files().readText(ImagePath.of(path), 4096).orElse(Optional.empty());
  }
}

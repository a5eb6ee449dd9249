package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.UnitInfo;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something regenerates SSH host keys at first boot, so shredding them does not leave instances
 * without a working sshd. Debian and Ubuntu do not regenerate missing keys by themselves; a
 * key-generation unit that is not masked (RHEL family, Amazon Linux) or cloud-init's {@code ssh}
 * module does — if the merged cloud-init configuration runs it and its units start (see {@link
 * CloudInitKeygen}).
 */
public final class HostKeyRegenerationCheck implements CheckType<HostKeyRegenerationCheck.Params> {

  public record Params(List<String> serverPackages, List<String> serverPaths, List<String> units) {
    public Params {
      serverPackages = serverPackages == null ? List.of("openssh-server") : List.copyOf(serverPackages);
      serverPaths = serverPaths == null ? List.of("/usr/sbin/sshd") : List.copyOf(serverPaths);
      units = units == null
          ? List.of("sshd-keygen.service", "sshd-keygen@.service", "ssh-keygen.service", "regenerate-ssh-host-keys.service")
          : List.copyOf(units);
    }
  }

  @Override
  public String key() {
    return "host-key-regeneration";
  }

  @Override
  public String summary() {
    return "SSH host keys are regenerated at first boot (a keygen unit or cloud-init's ssh module)";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<PackageInventory> inventory = context.host().packages().installed();
    boolean server = inventory.isKnown() && p.serverPackages().stream().anyMatch(inventory.value()::has);
    for (String path : p.serverPaths()) {
      Fact<Optional<FileInfo>> f = context.host().files().stat(ImagePath.of(path));
      server |= f.isKnown() && f.value().isPresent();
    }
    if (!server) {
      if (!inventory.isKnown()) {
        return Outcome.unknown("could not tell whether an SSH server is installed", inventory);
      }
      return Outcome.skipped("no SSH server in the image, so no host keys to regenerate");
    }
    List<Evidence> evidence = new ArrayList<>();
    List<String> blind = new ArrayList<>();
    for (String name : p.units()) {
      Fact<Optional<UnitInfo>> unit = context.host().services().unit(name);
      if (!unit.isKnown()) {
        blind.add(name + ": " + unit.reason());
      } else if (unit.value().isPresent() && !unit.value().get().state().equals("masked")) {
        UnitInfo u = unit.value().get();
        return new Outcome(Status.PASS, u.name() + " generates missing host keys at boot",
            List.of(Evidence.atPath(u.fragment().toString(), "keygen-unit", u.name() + " (" + u.state() + ")")),
            Map.of());
      }
    }
    if (inventory.isKnown() && inventory.value().has("cloud-init")) {
      CloudInitKeygen.Verdict cloudInit = CloudInitKeygen.judge(context.host());
      if (cloudInit.blind() != null) {
        blind.add(cloudInit.blind());
      } else if (cloudInit.generates()) {
        return new Outcome(Status.PASS, "cloud-init's ssh module generates host keys on each new instance",
            cloudInit.evidence(), Map.of());
      } else {
        evidence.addAll(cloudInit.evidence());
      }
    } else if (!inventory.isKnown()) {
      blind.add("packages: " + inventory.reason());
    }
    if (!blind.isEmpty()) {
      return new Outcome(Status.UNKNOWN, "could not confirm host key regeneration: " + String.join("; ", blind),
          evidence, Map.of());
    }
    evidence.add(Evidence.of("no-keygen", "no key-generation unit (looked for " + String.join(", ", p.units()) + ")"));
    return new Outcome(Status.FAIL, "nothing regenerates SSH host keys at first boot: instances would start without"
        + " a working sshd once the keys are shredded", evidence, Map.of());
  }
}

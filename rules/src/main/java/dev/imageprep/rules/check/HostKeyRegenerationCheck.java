package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.UnitInfo;
import dev.imageprep.rules.model.Evidence;
import java.util.List;
import java.util.Optional;

/**
 * Something regenerates SSH host keys at first boot, so shredding them does not leave instances
 * without a working sshd. Debian and Ubuntu do not regenerate missing keys by themselves; a
 * key-generation unit that is not masked (RHEL family, Amazon Linux) or cloud-init's {@code ssh}
 * module does — if the merged cloud-init configuration runs it and its units start (see {@link
 * CloudInitKeygen}).
 */
public final class HostKeyRegenerationCheck extends CheckTypeBase<HostKeyRegenerationCheck.Params> {

  public record Params(List<String> serverPackages, List<String> serverPaths, List<String> units) {
    public Params {
      serverPackages = serverPackages == null ? List.of("openssh-server") : List.copyOf(serverPackages);
      serverPaths = serverPaths == null ? List.of("/usr/sbin/sshd") : List.copyOf(serverPaths);
      units = units == null
          ? List.of("sshd-keygen.service", "sshd-keygen@.service", "ssh-keygen.service", "regenerate-ssh-host-keys.service")
          : List.copyOf(units);
    }
  }

  public HostKeyRegenerationCheck() {
    super("host-key-regeneration",
        "SSH host keys are regenerated at first boot (a keygen unit or cloud-init's ssh module)", Params.class);
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
    Judgement judgement = new Judgement();
    for (String name : p.units()) {
      Fact<Optional<UnitInfo>> unit = context.host().services().unit(name);
      if (judgement.sees(name, unit) && unit.value().isPresent() && !unit.value().get().state().equals("masked")) {
        UnitInfo u = unit.value().get();
        return Outcome.pass(u.name() + " generates missing host keys at boot",
            List.of(Evidence.atPath(u.fragment().toString(), "keygen-unit", u.name() + " (" + u.state() + ")")));
      }
    }
    if (inventory.isKnown() && inventory.value().has("cloud-init")) {
      CloudInitKeygen.Verdict cloudInit = CloudInitKeygen.judge(context.host());
      if (cloudInit.blind() != null) {
        judgement.unseen(cloudInit.blind());
      } else if (cloudInit.generates()) {
        return Outcome.pass("cloud-init's ssh module generates host keys on each new instance", cloudInit.evidence());
      } else {
        cloudInit.evidence().forEach(judgement::saw);
      }
    } else {
      judgement.sees("packages", inventory);
    }
    if (judgement.sawAll()) {
      judgement.saw(Evidence.of("no-keygen", "no key-generation unit (looked for " + String.join(", ", p.units())
          + ")"));
    }
    return judgement.noneSatisfied(unseen -> "could not confirm host key regeneration: " + String.join("; ", unseen),
        () -> "nothing regenerates SSH host keys at first boot: instances would start without a working sshd once"
            + " the keys are shredded");
  }
}

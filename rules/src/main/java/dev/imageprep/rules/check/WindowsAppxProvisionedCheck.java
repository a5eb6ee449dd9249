package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.WindowsRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * No AppX package is installed for a user without being provisioned for all users; Sysprep stops
 * on such a package ("was installed for a user, but not provisioned for all users", KB 2769827).
 * Read from the AppX deployment store in the registry: {@code AppxAllUserStore\<user SID>\<package>}
 * lists what each user has, {@code Applications} and {@code InboxApplications} what is provisioned.
 * Packages compare by family (name and publisher, without version and architecture). This is the
 * registry's view of what {@code Get-AppxPackage -AllUsers} reports; confirm a finding there.
 */
public final class WindowsAppxProvisionedCheck extends CheckTypeBase<WindowsAppxProvisionedCheck.Params> {

  static final String STORE = "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Appx\\AppxAllUserStore";

  /**
   * @param provisioned subkeys of the store that list provisioned packages
   * @param ignore package-name prefixes to leave out (frameworks installed as dependencies)
   */
  public record Params(List<String> provisioned, List<String> ignore) {
    public Params {
      provisioned = provisioned == null ? List.of("Applications", "InboxApplications") : List.copyOf(provisioned);
      ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }
  }

  public WindowsAppxProvisionedCheck() {
    super("windows-appx-provisioned",
        "No AppX package is installed for a user but not provisioned for all users (Sysprep fails on them)",
        Params.class);
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    WindowsRegistry registry = WindowsRegistry.of(context.host());
    Fact<Optional<RegistryKey>> store = registry.key(STORE);
    if (!store.isKnown()) {
      return Outcome.unknown("could not read the AppX store", store);
    }
    if (store.value().isEmpty()) {
      return Outcome.skipped("no AppX store in the registry (Windows without AppX packages)");
    }
    Set<String> provisioned = new HashSet<>();
    for (String sub : p.provisioned()) {
      Fact<Optional<RegistryKey>> list = registry.key(STORE + "\\" + sub);
      if (!list.isKnown()) {
        return Outcome.unknown("could not read " + STORE + "\\" + sub, list);
      }
      list.value().ifPresent(k -> k.subkeys().forEach(pkg -> provisioned.add(family(pkg))));
    }
    Judgement judgement = new Judgement();
    int users = 0;
    for (String sub : store.value().get().subkeys()) {
      if (!sub.toUpperCase(Locale.ROOT).startsWith("S-1-5-21-")) {
        continue; // S-1-5-18 (SYSTEM) stages packages; only real users install them
      }
      users++;
      Fact<Optional<RegistryKey>> user = registry.key(STORE + "\\" + sub);
      if (!user.isKnown()) {
        return Outcome.unknown("could not read " + STORE + "\\" + sub, user);
      }
      for (String pkg : user.value().map(RegistryKey::subkeys).orElse(List.of())) {
        if (!provisioned.contains(family(pkg)) && p.ignore().stream().noneMatch(i -> pkg.toLowerCase(Locale.ROOT)
            .startsWith(i.toLowerCase(Locale.ROOT)))) {
          judgement.found(Evidence.of("appx-not-provisioned", pkg + " is installed for " + sub + " only"));
        }
      }
    }
    int userCount = users;
    return judgement.data("users", users).data("provisionedFamilies", provisioned.size()).toOutcome(
        found -> found.size() + " AppX package(s) installed for a user but not provisioned: remove them"
            + " (Remove-AppxPackage) before Sysprep",
        () -> "every AppX package of the " + userCount + " user(s) is provisioned");
  }

  /** {@code Name_Version_Arch_ResourceId_PublisherId} to {@code name_publisherid}. */
  static String family(String fullName) {
    String[] parts = fullName.split("_");
    String f = parts.length >= 5 ? parts[0] + "_" + parts[parts.length - 1] : fullName;
    return f.toLowerCase(Locale.ROOT);
  }
}

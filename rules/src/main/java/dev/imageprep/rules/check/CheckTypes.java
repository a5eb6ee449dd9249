package dev.imageprep.rules.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry of check types: an explicit list, sorted by key, so adding a type is one line here
 * and nothing registers itself as a side effect. A test keeps the list sorted and complete.
 */
public final class CheckTypes {

  private final Map<String, CheckType<?>> byKey;

  private CheckTypes(List<CheckType<?>> types) {
    Map<String, CheckType<?>> map = new TreeMap<>();
    for (CheckType<?> t : types) {
      if (map.put(t.key(), t) != null) {
        throw new IllegalStateException("duplicate check type " + t.key());
      }
    }
    this.byKey = java.util.Collections.unmodifiableMap(map);
  }

  /** The built-in types; platform-specific types register through {@link #with}. */
  public static CheckTypes builtIn() {
    return new CheckTypes(List.of(
        // keep-sorted start
        new ComponentsPresentCheck(),
        new ConfigValuesCheck(),
        new Ec2ConfigPluginsCheck(),
        new FileMatchesCheck(),
        new HostKeyRegenerationCheck(),
        new MountOptionsCheck(),
        new NoAppsUnderCheck(),
        new PackageUpdatesCheck(),
        new PackagesAbsentCheck(),
        new PathsAbsentCheck(),
        new SecretsCheck(),
        new UnitEnabledCheck(),
        new VolumeUsageCheck(),
        new WindowsAdminPasswordPolicyCheck(),
        new WindowsAppsOnSystemDriveCheck(),
        new WindowsAppxProvisionedCheck(),
        new WindowsClearTextPasswordsCheck(),
        new WindowsComponentsCheck(),
        new WindowsDhcpCheck(),
        new WindowsFreeSpaceCheck(),
        new WindowsInstanceStoreCheck(),
        new WindowsNotFeatureUpgradedCheck(),
        new WindowsPendingRebootCheck(),
        new WindowsProfileSizeCheck(),
        new WindowsServiceAccountsCheck()
        // keep-sorted end
        ));
  }

  /** A registry with more types added (the Windows types, a test's own). */
  public CheckTypes with(List<CheckType<?>> more) {
    List<CheckType<?>> all = new java.util.ArrayList<>(byKey.values());
    all.addAll(more);
    return new CheckTypes(all);
  }

  public Optional<CheckType<?>> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public java.util.Set<String> keys() {
    return byKey.keySet();
  }

  public java.util.Collection<CheckType<?>> all() {
    return byKey.values();
  }
}

package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.WindowsRegistry;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Windows was installed as it is, not upgraded in place from another version. Each feature update
 * leaves a {@code HKLM\SYSTEM\Setup\Source OS (Updated on <date>)} key holding the old product name
 * and build, and upgrades leave {@code HKLM\SYSTEM\Setup\Upgrade}; cumulative and security updates
 * leave neither. The WorkSpaces BYOL Checker fails on subkeys whose names match either word.
 */
public final class WindowsNotFeatureUpgradedCheck extends CheckTypeBase<WindowsNotFeatureUpgradedCheck.Params> {

  /**
   * @param key the key whose subkeys tell
   * @param patterns regular expressions matched (without case) anywhere in a subkey's name
   */
  public record Params(String key, List<String> patterns) {
    public Params {
      key = key == null ? "HKLM\\SYSTEM\\Setup" : key;
      patterns = patterns == null ? List.of("Source OS", "Upgrade") : List.copyOf(patterns);
    }
  }

  public WindowsNotFeatureUpgradedCheck() {
    super("windows-not-feature-upgraded",
        "Windows was not feature-upgraded in place (no Source OS or Upgrade keys under HKLM\\SYSTEM\\Setup)",
        Params.class);
  }

  @Override
  public void validate(Params p) {
    if (p.patterns().isEmpty()) {
      throw new IllegalArgumentException("patterns must name at least one pattern");
    }
    for (String s : p.patterns()) {
      try {
        Pattern.compile(s, Pattern.CASE_INSENSITIVE);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("bad pattern '" + s + "': " + e.getDescription());
      }
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    WindowsRegistry registry = WindowsRegistry.of(context.host());
    Fact<List<RegistryKey>> children = registry.children(p.key());
    if (!children.isKnown()) {
      return Outcome.unknown("could not read " + p.key(), children);
    }
    List<Pattern> patterns = p.patterns().stream().map(s -> Pattern.compile(s, Pattern.CASE_INSENSITIVE)).toList();
    Judgement judgement = new Judgement();
    for (RegistryKey k : children.value()) {
      String name = k.path().substring(k.path().lastIndexOf('\\') + 1);
      if (patterns.stream().anyMatch(pt -> pt.matcher(name).find())) {
        String was = k.text("ProductName").map(pn -> "; was " + pn + k.text("CurrentBuildNumber")
            .or(() -> k.text("CurrentBuild")).map(b -> " build " + b).orElse("")).orElse("");
        judgement.found(Evidence.of("upgrade-key", k.path() + was));
      }
    }
    return judgement.toOutcome(found -> "Windows was upgraded in place (" + found.size() + " upgrade key(s) under "
        + p.key() + "): image creation does not support it; start from a fresh installation",
        () -> "no upgrade keys among the " + children.value().size() + " subkeys of " + p.key());
  }
}

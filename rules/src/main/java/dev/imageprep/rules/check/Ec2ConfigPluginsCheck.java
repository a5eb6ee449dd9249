package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.ConfigText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EC2Config plugins have the expected states. EC2Config's {@code Settings\config.xml} lists them as
 *
 * <pre>
 * &lt;Ec2ConfigurationSettings&gt;
 *   &lt;Plugins&gt;
 *     &lt;Plugin&gt;
 *       &lt;Name&gt;Ec2SetPassword&lt;/Name&gt;
 *       &lt;State&gt;Enabled&lt;/State&gt;
 *     &lt;/Plugin&gt;
 * </pre>
 *
 * An image without EC2Config (EC2Launch images) skips the rule.
 */
public final class Ec2ConfigPluginsCheck extends CheckTypeBase<Ec2ConfigPluginsCheck.Params> {

  private static final Pattern PLUGIN = Pattern.compile(
      "<Plugin>\\s*<Name>\\s*([^<]+?)\\s*</Name>\\s*<State>\\s*([^<]+?)\\s*</State>", Pattern.CASE_INSENSITIVE);

  /** @param expect plugin name to state ({@code Ec2SetPassword: Enabled}) */
  public record Params(String file, Map<String, String> expect) {
    public Params {
      file = file == null ? "/Program Files/Amazon/Ec2ConfigService/Settings/config.xml" : file;
      expect = expect == null ? Map.of() : new LinkedHashMap<>(expect);
    }
  }

  public Ec2ConfigPluginsCheck() {
    super("ec2config-plugins",
        "EC2Config plugins (Ec2SetPassword, Ec2HandleUserData, ...) have the expected states", Params.class);
  }

  @Override
  public void validate(Params p) {
    ImagePath.of(p.file());
    if (p.expect().isEmpty()) {
      throw new IllegalArgumentException("expect must name at least one plugin");
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<java.util.Optional<String>> text = context.host().files().readText(ImagePath.of(p.file()), 1 << 20);
    if (!text.isKnown()) {
      return Outcome.unknown("could not read " + p.file(), text);
    }
    if (text.value().isEmpty()) {
      return Outcome.skipped(p.file() + " does not exist (EC2Config is not installed)");
    }
    String xml = ConfigText.normalize(text.value().get());
    Map<String, String[]> states = new LinkedHashMap<>();
    Matcher m = PLUGIN.matcher(xml);
    while (m.find()) {
      int line = 1 + (int) xml.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
      states.put(m.group(1).toLowerCase(java.util.Locale.ROOT), new String[] {m.group(2), Integer.toString(line)});
    }
    Judgement judgement = new Judgement();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> e : p.expect().entrySet()) {
      String[] actual = states.get(e.getKey().toLowerCase(java.util.Locale.ROOT));
      boolean ok = actual != null && actual[0].equalsIgnoreCase(e.getValue());
      Evidence line = new Evidence(p.file(), actual == null ? null : Integer.parseInt(actual[1]),
          ok ? "plugin-ok" : "plugin-wrong", e.getKey() + " is " + (actual == null ? "not listed" : actual[0])
              + (ok ? "" : ", expected " + e.getValue()), null);
      if (ok) {
        judgement.saw(line);
      } else {
        wrong.add(e.getKey());
        judgement.found(line);
      }
    }
    return judgement.toOutcome(found -> "EC2Config plugin(s) not as expected: " + String.join(", ", wrong),
        () -> "EC2Config plugins as expected: " + String.join(", ", p.expect().keySet()));
  }
}

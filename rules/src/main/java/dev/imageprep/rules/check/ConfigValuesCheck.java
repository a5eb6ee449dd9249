package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings in a {@code key = value} configuration file have the expected values. A key the file
 * does not set takes its documented default, so an untouched file is judged like the program
 * would judge it.
 */
public final class ConfigValuesCheck extends CheckTypeBase<ConfigValuesCheck.Params> {

  /**
   * @param file the configuration file
   * @param expect key to expected value
   * @param defaults the value a key has when the file does not set it
   * @param skipIfAbsent a missing file means the software is not installed: skip instead of fail
   */
  public record Params(String file, Map<String, String> expect, Map<String, String> defaults, Boolean skipIfAbsent) {
    public Params {
      expect = expect == null ? Map.of() : new LinkedHashMap<>(expect);
      defaults = defaults == null ? Map.of() : new LinkedHashMap<>(defaults);
      skipIfAbsent = skipIfAbsent == null || skipIfAbsent;
    }
  }

  public ConfigValuesCheck() {
    super("config-values", "Settings in a key = value configuration file have the expected values", Params.class);
  }

  @Override
  public void validate(Params p) {
    if (p.file() == null) {
      throw new IllegalArgumentException("file is required");
    }
    ImagePath.of(p.file());
    if (p.expect().isEmpty()) {
      throw new IllegalArgumentException("expect must name at least one setting");
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<Optional<String>> text = context.host().files().readText(ImagePath.of(p.file()), 1 << 20);
    if (!text.isKnown()) {
      return Outcome.unknown("could not read " + p.file(), text);
    }
    if (text.value().isEmpty()) {
      return p.skipIfAbsent()
          ? Outcome.skipped(p.file() + " does not exist (the software is not installed)")
          : Outcome.fail(p.file() + " does not exist", List.of());
    }
    Map<String, Setting> settings = parse(text.value().get());
    Judgement judgement = new Judgement();
    for (Map.Entry<String, String> e : p.expect().entrySet()) {
      Setting s = settings.get(e.getKey());
      String actual = s != null ? s.value() : p.defaults().get(e.getKey());
      boolean ok = e.getValue().equals(actual);
      // written as the file writes it (key = value), so the agent's secret redaction recognises a password
      String how = s != null ? " = " + quoted(actual) : actual == null ? " not set" : " not set, default " + actual;
      Evidence line = new Evidence(p.file(), s == null ? null : s.line(), ok ? "setting-ok" : "setting-wrong",
          e.getKey() + how + (ok ? "" : "; expected " + e.getKey() + " = " + quoted(e.getValue())), null);
      if (ok) {
        judgement.saw(line);
      } else {
        judgement.found(line);
      }
    }
    return judgement.toOutcome(
        wrong -> wrong.size() + " setting(s) in " + p.file() + " differ from the expected values",
        () -> "all " + p.expect().size() + " settings as expected in " + p.file());
  }

  private record Setting(String value, int line) {}

  private static Map<String, Setting> parse(String text) {
    Map<String, Setting> out = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      out.put(line.substring(0, eq).strip(), new Setting(unquote(line.substring(eq + 1).strip()), i + 1));
    }
    return out;
  }

  /** A value as a config file would quote it when it has blanks or separators in it. */
  private static String quoted(String v) {
    return v.matches("[^\\s,;#\"']+") ? v : '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }
}

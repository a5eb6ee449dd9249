package dev.imageprep.rules.check;

import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.windows.AdminPasswords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * No administrator password is left readable in the files that set it at launch: EC2Launch v1's
 * {@code LaunchConfig.json} ("Specify" stores it in clear text), EC2Launch v2's {@code
 * agent-config.yml} ({@code type: static}) and Windows answer files ({@code unattend.xml}). Findings
 * name the file and line; the value is never shown.
 */
public final class WindowsClearTextPasswordsCheck implements CheckType<WindowsClearTextPasswordsCheck.Params> {

  /** @param files the files to read, patterns allowed; the format follows the name (.json, .yml, else XML) */
  public record Params(List<String> files) {
    public Params {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  @Override
  public String key() {
    return "windows-clear-text-passwords";
  }

  @Override
  public String summary() {
    return "No administrator password in clear text in EC2Launch configuration or Windows answer files";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public boolean resolvableByCleanup() {
    return true;
  }

  @Override
  public void validate(Params p) {
    if (p.files().isEmpty()) {
      throw new IllegalArgumentException("files must name at least one file");
    }
    p.files().forEach(Glob::parse);
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    List<Evidence> found = new ArrayList<>();
    List<String> blind = new ArrayList<>();
    int read = 0;
    for (String pattern : p.files()) {
      for (ImagePath file : PatternMatches.expand(context.host().files(), pattern, blind)) {
        Fact<Optional<String>> text = context.host().files().readText(file, 4L << 20);
        if (!text.isKnown()) {
          blind.add(file + ": " + text.reason());
          continue;
        }
        if (text.value().isEmpty()) {
          continue;
        }
        read++;
        try {
          AdminPasswords.Settings s = AdminPasswords.read(AdminPasswords.Format.of(file.fileName()),
              text.value().get());
          for (AdminPasswords.Secret secret : s.secrets()) {
            found.add(new Evidence(file.toString(), secret.line(), secret.kind(), secret.redacted(), null));
          }
        } catch (AdminPasswords.FormatException ex) {
          blind.add(file + ": " + ex.getMessage());
        }
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("filesRead", read);
    if (!found.isEmpty()) {
      return new Outcome(Status.FAIL, found.size() + " administrator password(s) readable in "
          + found.stream().map(Evidence::path).distinct().count() + " file(s)", found, data);
    }
    if (!blind.isEmpty()) {
      return new Outcome(Status.UNKNOWN, "found no password, but could not read: " + String.join("; ", blind),
          List.of(), data);
    }
    return new Outcome(Status.PASS, read == 0 ? "none of the launch configuration or answer files exists"
        : "no administrator password in the " + read + " launch configuration and answer file(s)", List.of(), data);
  }
}

package dev.imageprep.rules.check;

import dev.imageprep.rules.cleanup.Glob;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.AdminPasswords;
import java.util.List;
import java.util.Optional;

/**
 * No administrator password is left readable in the files that set it at launch: EC2Launch v1's
 * {@code LaunchConfig.json} ("Specify" stores it in clear text), EC2Launch v2's {@code
 * agent-config.yml} ({@code type: static}) and Windows answer files ({@code unattend.xml}). Findings
 * name the file and line; the value is never shown.
 */
public final class WindowsClearTextPasswordsCheck extends CheckTypeBase<WindowsClearTextPasswordsCheck.Params> {

  /** @param files the files to read, patterns allowed; the format follows the name (.json, .yml, else XML) */
  public record Params(List<String> files) {
    public Params {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  public WindowsClearTextPasswordsCheck() {
    super("windows-clear-text-passwords",
        "No administrator password in clear text in EC2Launch configuration or Windows answer files", Params.class);
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
    Judgement judgement = new Judgement();
    int read = 0;
    for (String pattern : p.files()) {
      for (ImagePath file : PatternMatches.expand(context.host().files(), pattern, judgement::unseen)) {
        Fact<Optional<String>> text = context.host().files().readText(file, 4L << 20);
        if (!judgement.sees(file.toString(), text) || text.value().isEmpty()) {
          continue;
        }
        read++;
        try {
          AdminPasswords.Settings s = AdminPasswords.read(AdminPasswords.Format.of(file.fileName()),
              text.value().get());
          for (AdminPasswords.Secret secret : s.secrets()) {
            judgement.found(new Evidence(file.toString(), secret.line(), secret.kind(), secret.redacted(), null));
          }
        } catch (AdminPasswords.FormatException ex) {
          judgement.unseen(file + ": " + ex.getMessage());
        }
      }
    }
    int filesRead = read;
    return judgement.data("filesRead", filesRead).toOutcome(found -> found.size() + " administrator password(s)"
        + " readable in " + found.stream().map(Evidence::path).distinct().count() + " file(s)",
        unseen -> "found no password, but could not read: " + String.join("; ", unseen),
        () -> filesRead == 0 ? "none of the launch configuration or answer files exists"
            : "no administrator password in the " + filesRead + " launch configuration and answer file(s)");
  }
}

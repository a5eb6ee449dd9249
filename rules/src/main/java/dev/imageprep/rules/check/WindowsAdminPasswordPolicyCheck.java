package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.AdminPasswords;
import dev.imageprep.rules.windows.ConfigText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launch agent gives each new instance a random administrator password: EC2Launch v1 {@code
 * adminPasswordType: Random}, EC2Launch v2 {@code setAdminAccount} with {@code type: random}, or
 * EC2Config's {@code Ec2SetPassword} plugin enabled. "Specify" keeps a password in clear text,
 * "DoNothing" and "Keep Existing" give every instance the image's password.
 */
public final class WindowsAdminPasswordPolicyCheck extends CheckTypeBase<WindowsAdminPasswordPolicyCheck.Params> {

  private static final Pattern PLUGIN = Pattern.compile(
      "<Plugin>\\s*<Name>\\s*Ec2SetPassword\\s*</Name>\\s*<State>\\s*(\\w+)\\s*</State>", Pattern.CASE_INSENSITIVE);

  /**
   * @param launchConfig EC2Launch v1's configuration
   * @param agentConfig EC2Launch v2's configuration
   * @param ec2configSettings EC2Config's configuration
   */
  public record Params(String launchConfig, String agentConfig, String ec2configSettings) {
    public Params {
      launchConfig = launchConfig == null ? "/ProgramData/Amazon/EC2-Windows/Launch/Config/LaunchConfig.json"
          : launchConfig;
      agentConfig = agentConfig == null ? "/ProgramData/Amazon/EC2Launch/config/agent-config.yml" : agentConfig;
      ec2configSettings = ec2configSettings == null
          ? "/Program Files/Amazon/Ec2ConfigService/Settings/config.xml" : ec2configSettings;
    }
  }

  public WindowsAdminPasswordPolicyCheck() {
    super("windows-admin-password-policy",
        "EC2Launch or EC2Config sets a random administrator password on each new instance", Params.class);
  }

  @Override
  public void validate(Params p) {
    ImagePath.of(p.launchConfig());
    ImagePath.of(p.agentConfig());
    ImagePath.of(p.ec2configSettings());
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    List<Evidence> good = new ArrayList<>();
    List<Evidence> bad = new ArrayList<>();
    List<String> blind = new ArrayList<>();
    for (String file : List.of(p.launchConfig(), p.agentConfig())) {
      Fact<Optional<String>> text = context.host().files().readText(ImagePath.of(file), 1 << 20);
      if (!text.isKnown()) {
        blind.add(file + ": " + text.reason());
        continue;
      }
      if (text.value().isEmpty()) {
        continue;
      }
      try {
        AdminPasswords.Settings s = AdminPasswords.read(AdminPasswords.Format.of(file), text.value().get());
        String policy = s.policy().orElse("");
        String lower = policy.toLowerCase(Locale.ROOT);
        if (lower.equals("random")) {
          good.add(new Evidence(file, s.policyLine(), "random-password", "password type " + policy, null));
        } else if (policy.isEmpty()) {
          bad.add(Evidence.atPath(file, "no-password-policy", "sets no administrator password type, so no"
              + " administrator account is set up after Sysprep"));
        } else {
          String why = lower.equals("specify") || lower.equals("static")
              ? "the password is stored in the file in clear text and every instance gets it"
              : "every instance keeps the password of the answer file or the image, or none";
          bad.add(new Evidence(file, s.policyLine(), "password-" + lower, "password type " + policy + ": " + why, null));
        }
      } catch (AdminPasswords.FormatException e) {
        blind.add(file + ": " + e.getMessage());
      }
    }
    Fact<Optional<String>> ec2config = context.host().files().readText(ImagePath.of(p.ec2configSettings()), 1 << 20);
    if (!ec2config.isKnown()) {
      blind.add(p.ec2configSettings() + ": " + ec2config.reason());
    } else if (ec2config.value().isPresent()) {
      Matcher m = PLUGIN.matcher(ConfigText.normalize(ec2config.value().get()));
      if (m.find() && m.group(1).equalsIgnoreCase("Enabled")) {
        good.add(Evidence.atPath(p.ec2configSettings(), "random-password", "Ec2SetPassword Enabled"));
      } else {
        bad.add(Evidence.atPath(p.ec2configSettings(), "keep-existing-password", "Ec2SetPassword "
            + (m.find(0) ? m.group(1) : "not set") + ": new instances keep the image's administrator password"));
      }
    }
    if (bad.isEmpty() && blind.isEmpty() && good.isEmpty()) {
      return Outcome.skipped("no EC2Launch or EC2Config configuration in the image");
    }
    Judgement judgement = new Judgement();
    bad.forEach(judgement::found); // the reasons first: the message quotes the first
    good.forEach(judgement::saw);
    blind.forEach(judgement::unseen);
    return judgement.toOutcome(found -> "the administrator password is not random: " + found.get(0).detail(),
        unseen -> "could not read: " + String.join("; ", unseen),
        () -> "each new instance gets a random administrator password");
  }
}

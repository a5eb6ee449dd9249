package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS access keys: key ids ({@code AKIA}, {@code ASIA}, ...) and secret access keys assigned in
 * credential files, configuration and environment lines. The AWS documentation's example pair is not
 * a finding.
 */
public final class AwsCredentialDetector implements Detector {

  private static final Pattern KEY_ID = Pattern.compile("(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])");
  private static final Pattern SECRET = Pattern.compile(
      "(?i)aws_?secret_?(?:access_?)?key\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])");
  private static final Set<String> DOCUMENTED_EXAMPLES = Set.of("AKIAIOSFODNN7EXAMPLE",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

  @Override
  public String id() {
    return "aws-credentials";
  }

  @Override
  public List<SecretFinding> scan(ImagePath path, String text) {
    List<SecretFinding> out = new ArrayList<>();
    Matcher id = KEY_ID.matcher(text);
    while (id.find()) {
      String value = id.group(1);
      if (!isExample(value)) {
        out.add(new SecretFinding(path, PrivateKeyDetector.lineOf(text, id.start()), "aws-access-key-id",
            Severity.ERROR, value.startsWith("ASIA") ? "AWS temporary access key id" : "AWS access key id",
            Redaction.redact(value)));
      }
    }
    Matcher secret = SECRET.matcher(text);
    while (secret.find()) {
      String value = secret.group(1);
      if (!isExample(value)) {
        out.add(new SecretFinding(path, PrivateKeyDetector.lineOf(text, secret.start()), "aws-secret-access-key",
            Severity.ERROR, "AWS secret access key", Redaction.redact(value)));
      }
    }
    return out;
  }

  private static boolean isExample(String value) {
    return DOCUMENTED_EXAMPLES.contains(value) || value.endsWith("EXAMPLE") || value.endsWith("EXAMPLEKEY");
  }
}

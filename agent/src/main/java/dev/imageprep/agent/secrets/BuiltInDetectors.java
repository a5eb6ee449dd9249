package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The detectors imageprep ships, each with the source it was learned from. Structured formats
 * (key files, key stores, base64-wrapped keys) have classes of their own; tokens, well-known
 * credential files and command lines are pattern detectors listed here; {@code key = value}
 * settings fall to the two generic assignment detectors last.
 */
final class BuiltInDetectors {

  private static final Severity ERROR = Severity.ERROR;

  static final DetectorKind AWS_KEY_ID = kind("aws-access-key-id", "AWS access key id",
      "gitleaks aws-access-token rule; AWS IAM unique identifier prefixes (AKIA, ASIA, ABIA, ACCA)");
  static final DetectorKind AWS_SECRET = kind("aws-secret-access-key", "AWS secret access key",
      "AWS CLI credentials file format (aws_secret_access_key); trufflehog aws detector");
  static final DetectorKind AWS_SESSION = kind("aws-session-token", "AWS session token",
      "AWS CLI credentials file format (aws_session_token); AWS STS credentials");
  static final DetectorKind GITHUB = kind("github-token", "GitHub token", "gitleaks github-pat/oauth/app rules");
  static final DetectorKind SLACK_TOKEN = kind("slack-token", "Slack token", "gitleaks slack-*-token rules");
  static final DetectorKind SLACK_WEBHOOK = kind("slack-webhook", "Slack incoming webhook URL",
      "gitleaks slack-webhook-url rule");
  static final DetectorKind GOOGLE_API = kind("google-api-key", "Google API key", "gitleaks gcp-api-key rule");
  static final DetectorKind BEARER = kind("bearer-token", "Bearer token", "gitleaks authorization header rules");
  static final DetectorKind BASIC_AUTH = kind("http-basic-auth", "HTTP Basic credentials in an Authorization header",
      "detect-secrets BasicAuthDetector; RFC 7617");
  static final DetectorKind JWT = kind("jwt", "JSON Web Token", "gitleaks jwt rule; detect-secrets JwtTokenDetector");
  static final DetectorKind URL_CREDENTIALS = kind("url-credentials",
      "Password in a URL (user:password@host, .git-credentials)", "detect-secrets BasicAuthDetector; trufflehog uri detector");
  static final DetectorKind URL_TOKEN = kind("url-token", "Token or password in a URL query",
      "Nosey Parker credentials-in-URL rules");
  static final DetectorKind NETRC = kind("netrc-password", "Password in a .netrc file",
      "Nosey Parker netrc rule; GNU inetutils netrc format");
  static final DetectorKind PGPASS = kind("pgpass-password", "Password in a PostgreSQL .pgpass file",
      "PostgreSQL libpq password file format (hostname:port:database:username:password)");
  static final DetectorKind DOCKER_AUTH = kind("docker-config-auth", "Registry credentials in a Docker config.json",
      "trufflehog docker detector; Docker CLI config.json auths");
  static final DetectorKind YAML_TOKEN = kind("kubeconfig-token", "Token in a kubeconfig or YAML credential",
      "Kubernetes kubeconfig users[].user.token; Nosey Parker Kubernetes rules");
  static final DetectorKind UNATTEND = kind("windows-unattend-password", "Password in a Windows unattend.xml",
      "Microsoft Learn, Unattended Windows Setup Reference (UserAccounts AdministratorPassword);"
      + " Amazon EC2 User Guide, Configure EC2Launch (DoNothing: the password in unattend.xml)");
  static final DetectorKind SYSPREP_INF = kind("windows-sysprep-password", "Password in a Windows sysprep.inf",
      "Microsoft Learn, Sysprep.inf [GuiUnattended] AdminPassword");
  static final DetectorKind EC2LAUNCH = kind("ec2launch-admin-password",
      "EC2Launch administrator password stored in clear text (Specify)",
      "Amazon EC2 User Guide, Configure EC2Launch (Specify: the password is stored in LaunchConfig.json as"
      + " clear text), https://docs.aws.amazon.com/AWSEC2/latest/WindowsGuide/ec2launch.html");
  static final DetectorKind COMMAND_LINE = kind("command-line-password",
      "Password typed on a command line (shell history, script)",
      "mysql(1) -p, sshpass(1) -p, curl(1) -u user:password, gpg(1) --passphrase; Nosey Parker psexec and vmware rules");
  static final DetectorKind JWK = kind("jwk-private-key", "Private key in JSON Web Key form (\"d\" member)",
      "RFC 7517 JSON Web Key and RFC 7518 section 6 (the private exponent d); Nosey Parker JWK rules");
  static final DetectorKind CREDENTIAL_PAIR = kind("credential-pair",
      "User name and password written as a pair (ID/PW: user/password)",
      "CredSweeper ID_PASSWD_PAIR samples (notes and wiki pages: ID/Password: user/password)");
  static final DetectorKind PASSWORD = kind("password-assignment", "Password in a configuration setting",
      "detect-secrets KeywordDetector; gitleaks generic-api-key rule");
  static final DetectorKind SECRET = kind("secret-assignment", "Secret or token in a configuration setting",
      "gitleaks generic-api-key rule (key name, assignment, entropy above 3.5)");

  private BuiltInDetectors() {}

  private static DetectorKind kind(String id, String title, String source) {
    return new DetectorKind(id, title, ERROR, source);
  }

  static List<FileInspector> inspectors() {
    return List.of(new Pkcs12Inspector(), new KeyStoreInspector());
  }

  static List<Detector> detectors() {
    List<Detector> all = new ArrayList<>(structured());
    all.addAll(TokenFormats.detectors());
    all.addAll(ServiceTokens.detectors());
    all.addAll(CommandLines.detectors());
    all.addAll(DatabaseCredentials.detectors());
    // generic settings last: passwords whatever their strength, other secrets only when random-looking
    all.addAll(assignments());
    return all;
  }

  private static List<Detector> structured() {
    return List.of(
        new PemKeyDetector(),
        new PuttyKeyDetector(),
        new EmbeddedKeyDetector(),
        // cloud and service tokens
        PatternDetector.of(AWS_KEY_ID, "(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])")
            .keywords("akia", "asia", "abia", "acca").build(),
        PatternDetector.of(AWS_SECRET, "(?i)(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)[\"']?\\s*(?::|=>?)"
            + "\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])")
            .keywords("aws_secret", "awssecret", "secret_access", "secretaccess").minEntropy(3.5).build(),
        PatternDetector.of(AWS_SESSION, "(?i)(?:aws_?)?(?:session|security)_?token[\"']?\\s*(?::|=>?)\\s*[\"']?"
            + "([A-Za-z0-9/+=]{100,})")
            .keywords("session_token", "sessiontoken", "security_token", "securitytoken").minEntropy(3.5).build(),
        PatternDetector.of(GITHUB, "(?<![A-Za-z0-9_])((?:ghp|gho|ghu|ghs)_[A-Za-z0-9]{36})(?![A-Za-z0-9_])")
            .keywords("ghp_", "gho_", "ghu_", "ghs_").minEntropy(3).checksum(Checksums::base62Crc32).build(),
        PatternDetector.of(GITHUB, "(?<![A-Za-z0-9_])((?:ghp|gho|ghu|ghs)_[A-Za-z0-9]{37,255}|ghr_[A-Za-z0-9]{36,255}"
            + "|github_pat_[A-Za-z0-9_]{50,255})(?![A-Za-z0-9_])")
            .keywords("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_").minEntropy(3).build(),
        PatternDetector.of(SLACK_TOKEN, "(?<![A-Za-z0-9])(xox[baprse]-[0-9A-Za-z-]{10,250}|xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+)")
            .keywords("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-").minEntropy(3).build(),
        PatternDetector.of(SLACK_WEBHOOK, "hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<secret>[A-Za-z0-9_/+-]{30,})")
            .keywords("hooks.slack.com").build(),
        PatternDetector.of(GOOGLE_API, "(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])")
            .keywords("aiza").minEntropy(3).build(),
        PatternDetector.of(BEARER, "(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{12,}=*)")
            .keywords("bearer").minEntropy(3).validator(BuiltInDetectors::lettersAndDigits).build(),
        PatternDetector.of(BASIC_AUTH, "(?i)authorization[\"']?\\s*[:=]\\s*[\"']?basic\\s+([A-Za-z0-9+/]{8,}={0,2})")
            .keywords("authorization").validator(BuiltInDetectors::isUserColonPassword).build(),
        PatternDetector.of(JWT, "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,})")
            .keywords("eyj").build(),
        PatternDetector.of(URL_CREDENTIALS, "\\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\\s:/@'\"<>\\[\\]{}()]{0,128}:"
            + "(?<secret>[^\\s/@'\"<>]{3,256})@[A-Za-z0-9.\\[\\]_-]+")
            .keywords("://").weakPasswords().build(),
        PatternDetector.of(URL_TOKEN, "(?i)(?:[?&](?:access_token|token|api_?key|password|passwd|secret|client_secret"
            + "|auth)|(?<=\\s)access_token)=(?<secret>[A-Za-z0-9._~%+/-]{8,})")
            .keywords("token=", "key=", "password=", "passwd=", "secret=", "auth=").minEntropy(3).build(),
        // well-known credential files
        PatternDetector.of(NETRC, "(?m)(?:^|\\s)password\\s+(\\S+)").keywords("password")
            .paths(".netrc", "_netrc").build(),
        PatternDetector.of(NETRC, "\\bmachine\\s+\\S+\\s+login\\s+\\S+\\s+password\\s+(\\S+)").keywords("machine")
            .block(512).build(),
        PatternDetector.of(PGPASS, "(?m)^(?![ \\t]*#)[^:\\n]*:[^:\\n]*:[^:\\n]*:[^:\\n]*:(?<secret>[^\\n\\r]+)$")
            .paths(".pgpass", "pgpass", "*.pgpass").build(),
        PatternDetector.of(DOCKER_AUTH, "\"auth\"\\s*:\\s*\"([A-Za-z0-9+/]{8,}={0,2})\"")
            .keywords("\"auth\"").validator(BuiltInDetectors::isUserColonPassword).build(),
        PatternDetector.of(YAML_TOKEN, "(?m)^[ \\t]*-?[ \\t]*(?:token|id-token|refresh-token|access-token|auth-token)"
            + "[ \\t]*:[ \\t]*[\"']?([A-Za-z0-9._~+/=:-]{16,})[\"']?[ \\t]*\\r?$")
            .keywords("token").minEntropy(3).build(),
        PatternDetector.of(UNATTEND, "(?is)<(?:AdministratorPassword|Password|DomainAdminPassword)>\\s*<Value>"
            + "(?<secret>[^<]+)</Value>")
            .keywords("password>").block(1024).build(),
        PatternDetector.of(SYSPREP_INF, "(?im)^[ \\t]*(?:Admin|DomainAdmin|AutoLogon)?Password[ \\t]*=[ \\t]*\"?"
            + "(?<secret>[^\"\\r\\n]+?)\"?[ \\t]*\\r?$")
            .keywords("password").paths("sysprep.inf", "unattend.txt", "winnt.sif").build(),
        PatternDetector.of(EC2LAUNCH, "\"adminPassword\"\\s*:\\s*\"(?<secret>[^\"]+)\"").keywords("adminpassword").build(),
        PatternDetector.of(EC2LAUNCH, "(?is)type:[ \\t]*[\"']?specify[\"']?[ \\t]*\\r?\\n[ \\t]*data:[ \\t]*[\"']?"
            + "(?<secret>[^\"'\\r\\n#]+)")
            .keywords("specify").block(256).build(),
        // "ID/PW: admin/S3cret!" in notes and wiki exports: the second half after the separator is the password
        PatternDetector.of(CREDENTIAL_PAIR, "(?i)\\b(?:id|user|username|login|account)\\s*/\\s*(?:password|passwd|pass|pwd|pw)"
            + "\\s*[:=]\\s*[^\\s/,:]{1,64}\\s*[/,]\\s*(?<secret>[^\\s/,]{4,64})")
            .keywords("/pass", "/pw", "/ pass", "/ pw").build(),
        PatternDetector.of(JWK, "(?s)\"d\"\\s*:\\s*\"(?<secret>[A-Za-z0-9_-]{20,})\"").keywords("\"kty\"").block(8192)
            .build());
  }

  private static List<Detector> assignments() {
    return List.of(
        // Android Gradle: buildConfigField "String", "API_KEY", "\"...\"" compiles the value into the app
        PatternDetector.of(SECRET, "buildConfigField\\s*\\(?\\s*['\"]String['\"]\\s*,\\s*['\"]\\w*(?i:key|secret|token"
            + "|password)\\w*['\"]\\s*,\\s*['\"]\\\\?\"(?<secret>[^\"\\\\\\n]{16,256})\\\\?\"['\"]")
            .keywords("buildconfigfield").minEntropy(3.5).validator(BuiltInDetectors::lettersAndDigits).build(),
        new AssignmentDetector(PASSWORD, List.of("pass", "pwd", "pswd", "pw", "passwort"), 4, 0,
            AssignmentDetector::isPasswordKey, true),
        new AssignmentDetector(SECRET, List.of("secret", "token", "api_key", "apikey", "api-key", "access_key",
            "accesskey", "auth_key", "private_key", "privatekey", "credential", "license_key", "licence_key", "licensekey",
            "ado_pat", "pat_token"), 12, 3.5, k -> true, false));
  }

  /** Random tokens mix letters and digits; a word or a long number alone is not one. */
  static boolean lettersAndDigits(String v) {
    return v.chars().anyMatch(Character::isDigit) && v.chars().anyMatch(Character::isLetter);
  }

  /** A base64 value that decodes to {@code user:password} with both parts present. */
  static boolean isUserColonPassword(String base64) {
    try {
      String s = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
      int colon = s.indexOf(':');
      return colon > 0 && colon < s.length() - 1 && s.chars().allMatch(c -> c >= 0x20);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

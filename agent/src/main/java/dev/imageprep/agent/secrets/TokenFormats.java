package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.List;

/**
 * Service tokens recognised by a fixed prefix or shape, each checked the way its issuer made it
 * checkable: GitHub and npm tokens end in a CRC32 of their random part, age identities are Bech32
 * with a checksum, a WireGuard key is exactly 32 bytes of base64. A value of the right shape that
 * fails its check is still reported, at warning level: it was never issued (an example, a
 * fixture), but it says someone put a token-like value there.
 */
final class TokenFormats {

  /** A token that starts or ends at a word boundary of the token alphabet. */
  private static final String B = "(?<![A-Za-z0-9_-])";
  private static final String E = "(?![A-Za-z0-9_-])";

  static final DetectorKind GITLAB = kind("gitlab-token", "GitLab token",
      "GitLab documentation, Token overview (token prefixes); gitleaks gitlab-* rules");
  static final DetectorKind DOCKER_HUB = kind("docker-hub-token", "Docker Hub personal or organisation access token",
      "Docker documentation, Personal access tokens (dckr_pat_); gitleaks and Nosey Parker dockerhub rules");
  static final DetectorKind STRIPE = kind("stripe-key", "Stripe secret, restricted or webhook signing key",
      "Stripe documentation, API keys (sk_, rk_) and webhook signing secrets (whsec_); gitleaks stripe rule");
  static final DetectorKind STRIPE_PUBLISHABLE = new DetectorKind("stripe-publishable-key",
      "Stripe publishable key (public by design; it names the account)", Severity.INFO,
      "Stripe documentation, API keys (pk_ keys can be published)");
  static final DetectorKind GOOGLE_OAUTH = kind("google-oauth-secret", "Google OAuth client secret or access token",
      "Google Cloud documentation, OAuth client secrets (GOCSPX-); Nosey Parker np.google.2 and np.google.4");
  static final DetectorKind OPENAI = kind("openai-api-key", "OpenAI API key",
      "OpenAI API key formats (sk-, sk-proj-, T3BlbkFJ marker); gitleaks openai-api-key rule");
  static final DetectorKind ANTHROPIC = kind("anthropic-api-key", "Anthropic API key",
      "Anthropic API key format (sk-ant-api03-…AA); gitleaks anthropic-api-key rule");
  static final DetectorKind HUGGING_FACE = kind("huggingface-token", "Hugging Face access token",
      "Hugging Face documentation, User access tokens (hf_); gitleaks huggingface-access-token rule");
  static final DetectorKind ATLASSIAN = kind("atlassian-api-token", "Atlassian API token",
      "Atlassian documentation, Manage API tokens (ATATT prefix); gitleaks atlassian-api-token rule");
  static final DetectorKind NEW_RELIC = kind("new-relic-key", "New Relic API, licence or insights key",
      "New Relic documentation, API keys (NRAK-, NRII-, NRIQ-, NRJS-, …NRAL licence keys); Nosey Parker newrelic rules");
  static final DetectorKind NPM = kind("npm-token", "npm access token",
      "npm documentation, About access tokens (npm_ with a CRC32 checksum); gitleaks npm-access-token rule");
  static final DetectorKind PYPI = kind("pypi-token", "PyPI API token",
      "PyPI documentation, API tokens (pypi- macaroons for pypi.org); gitleaks pypi-upload-token rule");
  static final DetectorKind SENDGRID = kind("sendgrid-api-key", "SendGrid API key",
      "Twilio SendGrid documentation, API keys (SG.<id>.<secret>); detect-secrets SendGridDetector");
  static final DetectorKind TWILIO = kind("twilio-api-key", "Twilio API key",
      "Twilio documentation, API keys (SK + 32 hex); detect-secrets TwilioKeyDetector");
  static final DetectorKind VAULT = kind("vault-token", "HashiCorp Vault service or batch token",
      "HashiCorp Vault documentation, Tokens (hvs., hvb., hvr. prefixes); gitleaks vault-*-token rules");
  static final DetectorKind K8S_BOOTSTRAP = kind("kubernetes-bootstrap-token", "Kubernetes bootstrap token",
      "Kubernetes documentation, Authenticating with Bootstrap Tokens (token format [a-z0-9]{6}.[a-z0-9]{16})");
  static final DetectorKind WIREGUARD = kind("wireguard-key", "WireGuard private or preshared key",
      "wg(8) manual, CONFIGURATION FILE FORMAT (PrivateKey, PresharedKey: 32 bytes in base64); Nosey Parker wireguard rules");
  static final DetectorKind AGE = kind("age-secret-key", "age identity (secret key)",
      "age specification, X25519 identities (AGE-SECRET-KEY-1, Bech32); Nosey Parker np.age.2");
  static final DetectorKind NKEY = kind("nats-nkey-seed", "NATS nkey seed",
      "NATS documentation, NKeys (seeds start with S, base32 with a CRC16); gitleaks and Nosey Parker nkey rules");

  private TokenFormats() {}

  private static DetectorKind kind(String id, String title, String source) {
    return new DetectorKind(id, title, Severity.ERROR, source);
  }

  static List<Detector> detectors() {
    return List.of(
        PatternDetector.of(GITLAB, B + "((?:glpat|gloas|gldt|glft|glsoat|glrt|glcbt|glimt|glagent|glwt|glffct)-"
            + "[A-Za-z0-9_-]{20,64}|glptt-[0-9a-f]{40}|GR1348941[A-Za-z0-9_-]{20})" + E)
            .keywords("glpat-", "gloas-", "gldt-", "glft-", "glsoat-", "glrt-", "glcbt-", "glimt-", "glagent-", "glwt-",
                "glffct-", "glptt-", "gr1348941").minEntropy(3).build(),
        PatternDetector.of(DOCKER_HUB, B + "(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,})" + E)
            .keywords("dckr_pat_", "dckr_oat_").minEntropy(3).build(),
        PatternDetector.of(STRIPE, B + "((?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{20,247}|whsec_[A-Za-z0-9+/]{32,})"
            + "(?![A-Za-z0-9])")
            .keywords("sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk_prod_", "rk_prod_", "whsec_").minEntropy(3)
            .build(),
        PatternDetector.of(STRIPE_PUBLISHABLE, B + "(pk_(?:live|test)_[0-9A-Za-z]{20,247})(?![A-Za-z0-9])")
            .keywords("pk_live_", "pk_test_").minEntropy(3).build(),
        PatternDetector.of(GOOGLE_OAUTH, B + "(GOCSPX-[A-Za-z0-9_-]{28}|ya29\\.[A-Za-z0-9_-]{30,})" + E)
            .keywords("gocspx-", "ya29.").minEntropy(3).build(),
        PatternDetector.of(OPENAI, B + "(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}"
            + "|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{58,})" + E)
            .keywords("t3blbkfj", "sk-proj-", "sk-svcacct-", "sk-admin-").minEntropy(3.5).build(),
        PatternDetector.of(ANTHROPIC, B + "(sk-ant-(?:api03|admin01|oat01)-[A-Za-z0-9_-]{80,120})" + E)
            .keywords("sk-ant-").minEntropy(3.5).build(),
        PatternDetector.of(HUGGING_FACE, "(?<![A-Za-z0-9_])((?:hf_|api_org_)[A-Za-z]{34})(?![A-Za-z0-9_])")
            .keywords("hf_", "api_org_").minEntropy(3.5).validator(TokenFormats::mixedCase).build(),
        PatternDetector.of(ATLASSIAN, B + "(ATATT3[A-Za-z0-9_=-]{100,300}|ATCTT3[A-Za-z0-9_=-]{100,300})" + E)
            .keywords("atatt3", "atctt3").minEntropy(3.5).build(),
        PatternDetector.of(NEW_RELIC, B + "(NRAK-[A-Z0-9]{27}|NRI[IQ]-[A-Za-z0-9_-]{32}|NRJS-[a-f0-9]{19}"
            + "|NRAA-[a-f0-9]{27}|NRRA-[a-f0-9]{42}|NRSP-[a-z]{2}[0-9]{2}[a-f0-9]{31}|[a-z0-9]{6}[a-f0-9]{30}NRAL"
            + "|px-(?:api|dep)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})" + E)
            .keywords("nrak-", "nrii-", "nriq-", "nrjs-", "nraa-", "nrra-", "nrsp-", "nral", "px-api-", "px-dep-")
            .build(),
        PatternDetector.of(NPM, "(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])")
            .keywords("npm_").minEntropy(3).checksum(Checksums::base62Crc32).build(),
        PatternDetector.of(PYPI, B + "(pypi-AgE[A-Za-z0-9_-]{50,})" + E).keywords("pypi-age").build(),
        PatternDetector.of(SENDGRID, B + "(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})" + E)
            .keywords("sg.").minEntropy(3.5).build(),
        PatternDetector.of(TWILIO, "(?<![A-Za-z0-9])(SK[0-9a-fA-F]{32})(?![A-Za-z0-9])").keywords("twilio")
            .minEntropy(3).build(),
        PatternDetector.of(VAULT, B + "(hv[sbr]\\.[A-Za-z0-9_-]{24,})" + E).keywords("hvs.", "hvb.", "hvr.")
            .minEntropy(3.5).build(),
        PatternDetector.of(VAULT, "(?i)vault[a-z_]*token[\"']?\\s*[:=]\\s*[\"']?(?<secret>s\\.[A-Za-z0-9]{24})(?![A-Za-z0-9])")
            .keywords("vault").minEntropy(3.5).build(),
        // the token format alone (6.16 lower-case characters) is too common; it must sit near "token"
        PatternDetector.of(K8S_BOOTSTRAP, "(?i)(?:token|bootstrap)[^\\n]{0,40}?(?<![a-z0-9.])(?<secret>[a-z0-9]{6}\\."
            + "[a-z0-9]{16})(?![a-z0-9.])")
            .keywords("token", "bootstrap").validator(TokenFormats::bootstrapShape).build(),
        PatternDetector.of(WIREGUARD, "(?im)^[ \\t]*(?:PrivateKey|PresharedKey)[ \\t]*=[ \\t]*(?<secret>[A-Za-z0-9+/]{43}=)")
            .keywords("privatekey", "presharedkey").checksum(v -> Checksums.base64Bytes(v, 32)).build(),
        PatternDetector.of(AGE, "(?<![A-Z0-9-])(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Z0-9])")
            .keywords("age-secret-key-1").checksum(Checksums::bech32).build(),
        // a seed's first bytes make it start S<type>A; 58 upper-case characters are common, so the CRC decides
        PatternDetector.of(NKEY, "(?<![A-Z0-9])(S[UAONCX]A[A-Z2-7]{55})(?![A-Z0-9])")
            .keywords("sua", "saa", "soa", "sna", "sca", "sxa").validator(Checksums::nkeySeed).build());
  }

  /** Hugging Face tokens are random letters of both cases; a long lower-case word is not one. */
  private static boolean mixedCase(String v) {
    String body = v.substring(v.indexOf('_') + 1);
    return body.chars().anyMatch(Character::isUpperCase) && body.chars().anyMatch(Character::isLowerCase);
  }

  /** A bootstrap token's id and secret are random: digits and letters both, not a version or host name. */
  private static boolean bootstrapShape(String v) {
    String secret = v.substring(7);
    return secret.chars().anyMatch(Character::isDigit) && secret.chars().anyMatch(Character::isLetter)
        && Entropy.of(secret) >= 2.5;
  }
}

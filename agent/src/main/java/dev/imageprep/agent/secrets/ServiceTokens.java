package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.List;

/**
 * API tokens of further services, by the prefixes and shapes their issuers document; where a
 * token has no prefix of its own (a hex key), the service's name must stand near it. Learned from
 * the public rule sets of Nosey Parker and gitleaks (their rule ids are named), written here as
 * our own patterns.
 */
final class ServiceTokens {

  private static final String B = "(?<![A-Za-z0-9_-])";
  private static final String E = "(?![A-Za-z0-9_-])";

  private ServiceTokens() {}

  /** 24 letters and digits (legacy API token), or 44 base64 characters decoding to {@code <digits>:<bytes>}. */
  static boolean atlassianShape(String v) {
    if (v.length() == 24) {
      return BuiltInDetectors.lettersAndDigits(v);
    }
    try {
      byte[] b = java.util.Base64.getDecoder().decode(v);
      int colon = 0;
      while (colon < b.length && b[colon] >= '0' && b[colon] <= '9') {
        colon++;
      }
      return colon >= 6 && colon < b.length && b[colon] == ':';
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static PatternDetector.Builder token(String id, String title, String source, String regex) {
    return PatternDetector.of(new DetectorKind(id, title, Severity.ERROR, source), regex);
  }

  static List<Detector> detectors() {
    return List.of(
        token("adafruit-io-key", "Adafruit IO key", "Adafruit IO API documentation (aio_ keys); Nosey Parker np.adafruit.1",
            B + "(aio_[A-Za-z0-9]{28})" + E).keywords("aio_").minEntropy(3).build(),
        token("crates-io-token", "crates.io API token", "crates.io token format (cio prefix); Nosey Parker np.cratesio.1",
            "(?<![A-Za-z0-9])(cio[A-Za-z0-9]{32})(?![A-Za-z0-9])").keywords("cio").minEntropy(3.5)
            .validator(BuiltInDetectors::lettersAndDigits).build(),
        token("databricks-token", "Databricks personal access token",
            "Databricks documentation, personal access tokens (dapi); Nosey Parker np.databricks.1",
            B + "(dapi[a-f0-9]{32}(?:-\\d+)?)" + E).keywords("dapi").build(),
        token("doppler-token", "Doppler token", "Doppler documentation, auth token formats (dp.ct., dp.pt., dp.st., …)",
            "(?<![A-Za-z0-9_.-])(dp\\.(?:ct|pt|st|sa|scim|audit)\\.(?:[a-z0-9_-]{2,35}\\.)?[A-Za-z0-9]{40,44})"
                + "(?![A-Za-z0-9])").keywords("dp.ct.", "dp.pt.", "dp.st.", "dp.sa.", "dp.scim.", "dp.audit.").build(),
        token("dependency-track-key", "Dependency-Track API key", "Dependency-Track REST API documentation (odt_ keys)",
            B + "(odt_[A-Za-z0-9]{32,255})" + E).keywords("odt_").minEntropy(3).build(),
        token("dynatrace-token", "Dynatrace API token", "Dynatrace documentation, Access tokens (token format:"
            + " dt0c01 prefix, 24-character public and 64-character secret portion); Nosey Parker np.dynatrace.1",
            B + "(dt0[a-z][0-9]{2}\\.[A-Z0-9]{24}\\.[A-Z0-9]{64})" + E).keywords("dt0").minEntropy(3.5).build(),
        token("digitalocean-token", "DigitalOcean personal access, OAuth or refresh token",
            "DigitalOcean documentation, personal access tokens (dop_v1_, doo_v1_, dor_v1_ prefixes)",
            B + "(do[opr]_v1_[a-f0-9]{64})" + E).keywords("dop_v1_", "doo_v1_", "dor_v1_").build(),
        token("dropbox-token", "Dropbox access token", "Dropbox developer documentation, OAuth guide (short-lived"
            + " sl. tokens; long-lived tokens with ten A's after eleven characters); gitleaks dropbox rules",
            "(?<![A-Za-z0-9_.-])(?<short>sl\\.[A-Za-z0-9_-]{130,})|" + B + "(?<long>[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43})"
                + E).groups("short", "long").keywords("sl.", "aaaaaaaaaa").minEntropy(3.5).build(),
        token("braintree-token", "PayPal Braintree access token", "Braintree documentation, access tokens"
            + " (access_token$environment$merchant$secret)",
            "(access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32})").keywords("access_token$").build(),
        token("jfrog-token", "JFrog reference token", "JFrog documentation, access tokens (reference tokens:"
            + " base64 of reftkn:01:…)", B + "(cmVmdGtuOjAxOj[A-Za-z0-9]{40,})" + E).keywords("cmvmdgtuojaxoj").build(),
        token("aws-mws-token", "Amazon Marketplace Web Service auth token", "Amazon MWS developer guide,"
            + " MWSAuthToken (amzn.mws. followed by a UUID)",
            "(amzn\\.mws\\.[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12})").keywords("amzn.mws.").build(),
        token("atlassian-legacy-token", "Atlassian API token (legacy) or Jira / Confluence personal access token",
            "Atlassian documentation, API tokens (24 characters before the ATATT prefix) and Data Center personal"
                + " access tokens (44 base64 characters: an id, a colon, random bytes)",
            "(?i)(?:atlassian|jira|confluence)[\\w.-]{0,24}[\"']?\\s*[:=]\\s*[\"']?(?<secret>(?-i:[A-Za-z0-9]{24}|[A-Za-z0-9+/]{44}))"
                + "(?![A-Za-z0-9+/=])").keywords("atlassian", "jira", "confluence").minEntropy(3.5)
            .validator(ServiceTokens::atlassianShape).build(),
        token("figma-token", "Figma personal access token", "Figma API documentation, access tokens; Nosey Parker np.figma.1",
            "(?i)figma[^\\n]{0,20}?\\b([0-9a-f]{4}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b")
            .keywords("figma").build(),
        token("mapbox-secret-token", "Mapbox secret or temporary access token",
            "Mapbox documentation, access token format (sk. and tk. tokens; pk. tokens are public)",
            "(?is)mapbox.{0,30}?\\b((?:sk|tk)\\.[a-z0-9+/=-]{32,128}\\.[a-z0-9+/=-]{20,30})(?![a-z0-9+/=-])")
            .keywords("mapbox").block(256).minEntropy(3.5).build(),
        token("jina-api-key", "Jina API key", "Jina AI API keys (jina_); Nosey Parker np.jina.1",
            B + "(jina_[A-Za-z0-9]{60})" + E).keywords("jina_").build(),
        token("mailchimp-api-key", "Mailchimp API key", "Mailchimp documentation, About API keys (<hex>-us<n>)",
            "(?<![A-Za-z0-9])([a-f0-9]{32}-us[0-9]{1,3})(?![A-Za-z0-9])").keywords("-us").build(),
        token("mailgun-api-key", "Mailgun API key", "Mailgun API documentation, authentication (key-<32>)",
            "(?i)(?:mailgun|mg)[^\\n]{0,20}?key-([a-z0-9]{32})\\b").keywords("mailgun", "mg_").build(),
        token("nuget-api-key", "NuGet API key", "NuGet documentation, create API keys (oy2 prefix)",
            "(?<![A-Za-z0-9])(oy2[a-z0-9]{43})(?![A-Za-z0-9])").keywords("oy2").minEntropy(3.5).build(),
        token("postman-api-key", "Postman API key", "Postman API documentation, authentication (PMAK-)",
            B + "(PMAK-[A-Za-z0-9]{24}-[A-Za-z0-9]{34})" + E).keywords("pmak-").build(),
        token("rubygems-api-key", "RubyGems API key", "RubyGems guides, API key scopes (rubygems_)",
            B + "(rubygems_[a-f0-9]{48})" + E).keywords("rubygems_").build(),
        token("salesforce-token", "Salesforce access token", "Salesforce help, access tokens (org id ! opaque token)",
            "(?<![A-Za-z0-9])(00D[A-Za-z0-9]{12}![A-Za-z0-9._]{96})(?![A-Za-z0-9._])").keywords("00d").build(),
        token("shopify-token", "Shopify app secret or access token", "Shopify documentation, authentication"
            + " (shpss_, shpat_, shpca_, shppa_)", B + "(shp(?:ss|at|ca|pa)_[a-fA-F0-9]{32})" + E)
            .keywords("shpss_", "shpat_", "shpca_", "shppa_").build(),
        token("sourcegraph-token", "Sourcegraph access token", "Sourcegraph documentation, access tokens (sgp_)",
            B + "(sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40})" + E).keywords("sgp_").build(),
        token("square-token", "Square access token or OAuth secret", "Square developer documentation (sq0atp-, sq0csp-)",
            B + "(sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43})" + E).keywords("sq0atp-", "sq0csp-").build(),
        token("sonarqube-token", "SonarQube token", "SonarQube documentation, user tokens (sonar.login)",
            "(?i)sonar.{0,5}login.{0,5}\\s*\\b([a-f0-9]{40})\\b").keywords("sonar").build(),
        token("grafana-token", "Grafana API or service account token",
            "Grafana documentation, API keys (eyJrIjoi) and service accounts (glsa_); Nosey Parker grafana rules",
            B + "((?:glc_)?eyJrIjoi[A-Za-z0-9]{60,100}={0,2}|glsa_[A-Za-z0-9]{32}_[a-fA-F0-9]{8})" + E)
            .keywords("eyjrijoi", "glsa_").build(),
        token("codeclimate-token", "Code Climate reporter id", "Code Climate documentation, test reporter id",
            "(?:CODECLIMATE_REPO_TOKEN|CC_TEST_REPORTER_ID)\\s*[:=]\\s*([a-f0-9]{64})\\b")
            .keywords("codeclimate_repo_token", "cc_test_reporter_id").build(),
        token("jenkins-token", "Jenkins API token or crumb", "Jenkins documentation, API tokens and CSRF crumbs",
            "(?i)jenkins[^\\n]{0,10}?(?:crumb|token|passwd)[^\\n]{0,10}?\\b([0-9a-f-]{32,36})\\b").keywords("jenkins")
            .minEntropy(3).build(),
        token("teamcity-token", "TeamCity access token", "JetBrains TeamCity REST API documentation (TCV2 tokens)",
            B + "(eyJ0eXAiOiAiVENWMiJ9\\.[A-Za-z0-9_-]{36}\\.[A-Za-z0-9_-]{48})" + E).keywords("eyj0exaioiaivenwmij9")
            .build(),
        token("telegram-bot-token", "Telegram bot token", "Telegram Bot API documentation (<id>:AA… tokens)",
            "(?<![A-Za-z0-9])(\\d{5,}:AA[A-Za-z0-9_-]{32,33})" + E).keywords(":aa").build(),
        token("thingsboard-token", "ThingsBoard access token or provisioning secret",
            "ThingsBoard documentation, HTTP API and device provisioning",
            "(?:thingsboard\\.cloud/api/v1/|\"provisionDevice(?:Key|Secret)\"\\s*:\\s*\")(?<secret>[a-z0-9]{20})\\b")
            .keywords("thingsboard.cloud", "provisiondevice").build(),
        token("truenas-api-key", "TrueNAS API key", "TrueNAS API documentation (<id>-<64> keys)",
            "(?:\"params\"\\s*:\\s*\\[\\s*\"|Bearer\\s+)(?<secret>\\d+-[A-Za-z0-9]{64})\\b").keywords("\"params\"", "bearer")
            .block(512).build(),
        token("okta-api-token", "Okta API token", "Okta developer documentation, API tokens (SSWS)",
            "(?is)(?:okta|ssws).{0,60}?\\b(00[A-Za-z0-9_-]{39}[A-Za-z0-9_])\\b").keywords("okta", "ssws")
            .block(256).minEntropy(3).build(),
        token("ms-teams-webhook", "Microsoft Teams incoming webhook URL",
            "Microsoft Learn, Create an Incoming Webhook; Nosey Parker np.msteams.1",
            "(?i)(?:outlook\\.office\\.com/webhook|webhook\\.office\\.com/webhookb2)/(?<secret>[a-f0-9-]{36}@[a-f0-9-]{36}"
                + "/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36})").keywords("office.com/webhook").build(),
        token("facebook-secret", "Facebook app secret or access token",
            "Facebook for Developers, access tokens; Nosey Parker np.facebook.1 and np.facebook.2",
            "(?i)\\b(?:facebook|fb).?(?:api|app|application|client|consumer|customer|secret|key).?(?:key|oauth|sec"
                + "|secret)?[^\\n]{0,6}?\\b(?<secret>[a-z0-9]{32})\\b|\\b(?<token>EAACEdEose0cBA[A-Za-z0-9]+)\\b")
            .groups("secret", "token").keywords("facebook", "fbapi", "fb_api", "fbapp", "fb_app", "fbsecret", "fb_secret",
                "fbkey", "fb_key", "eaacedeose0cba").minEntropy(3).build(),
        token("dotnet-credential", "Password in a .NET NetworkCredential, DirectoryEntry or appSettings entry",
            "Microsoft Learn, NetworkCredential and DirectoryEntry constructors, appSettings; Nosey Parker np.generic.7-9",
            "(?i)(?:NetworkCredential\\s*\\(\\s*\"[^\"\\n]{3,50}\"\\s*,\\s*\"(?<nc>[^\"\\n]{3,50})\"|DirectoryEntry\\s*\\("
                + "\\s*\"[^\"\\n]{3,100}\"\\s*,\\s*\"[^\"\\n]{3,50}\"\\s*,\\s*\"(?<de>[^\"\\n]{3,50})\"|<add\\s+key\\s*=\\s*\""
                + "[^\"\\n]{0,20}(?:pass|secret|pwd|token)[^\"\\n]{0,20}\"\\s+value\\s*=\\s*\"(?<add>[^\"\\n]{3,100})\")")
            .groups("nc", "de", "add").keywords("networkcredential", "directoryentry", "<add ").block(512)
            .weakPasswords().build(),
        token("jwt-secret", "JSON Web Token signing secret", "Spring and application configs (jwt: secret:);"
            + " Nosey Parker np.jwt.2 and np.jwt.3",
            "(?im)^\\s*(?:jwt:\\s+secret:|jwtsecret:)\\s+(?:\"(?<dq>[^\"\\n]{6,200})\"|'(?<sq>[^'\\n]{6,200})')")
            .groups("dq", "sq").keywords("jwt").block(256).build(),
        token("password-in-prose", "Password stated in documentation or a script's message",
            "Nosey Parker np.generic.11 to np.generic.14 (\"the password is '…'\")",
            "(?i)\\bthe (?:default )?password (?:for (?:the )?(?:user|username) (['\"])[^'\"\\n]{2,24}\\1 )?is "
                + "(?:'(?<sq>[^'\\n#$|\"{<+ ()\\\\][^'\\n]{2,60})'|\"(?<dq>[^\"\\n#$|'{<+ ()\\\\][^\"\\n]{2,60})\")")
            .groups("sq", "dq").keywords("password is", "password for").build());
  }
}

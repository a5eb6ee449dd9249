package dev.imageprep.agent.secrets;

import java.util.List;

/**
 * Turns a secret into a preview that is safe to print: a well-known, non-secret prefix that tells the
 * kind of token ({@code AKIA}, {@code ghp_}, {@code xoxb-}) when there is one, and the length. Nothing
 * else of the value is ever shown.
 */
public final class Redaction {

  /** Prefixes that name a token's type; they are public and carry no secret bits. */
  private static final List<String> TYPE_PREFIXES = List.of("AKIA", "ASIA", "ABIA", "ACCA", "AIza", "github_pat_",
      "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "glpat-", "gldt-", "glrt-", "glptt-", "glsoat-", "xoxb-", "xoxp-",
      "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-", "sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_", "pk_test_",
      "whsec_", "eyJ", "gloas-", "glft-", "glcbt-", "glimt-", "dckr_pat_", "dckr_oat_", "GOCSPX-", "ya29.", "sk-ant-",
      "sk-proj-", "sk-svcacct-", "sk-admin-", "hf_", "ATATT3", "NRAK-", "NRII-", "NRJS-", "npm_", "pypi-", "SG.",
      "hvs.", "hvb.", "AGE-SECRET-KEY-1");

  private Redaction() {}

  public static String redact(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "(empty)";
    }
    String prefix = "";
    for (String p : TYPE_PREFIXES) {
      if (secret.startsWith(p) && secret.length() >= p.length() + 12) {
        prefix = p;
        break;
      }
    }
    return prefix + "****" + " (" + secret.length() + " chars, redacted)";
  }
}

package dev.imageprep.rules.host;

/** Scans the image for private keys, credentials and passwords. */
public interface SecretsProbe {

  /**
   * @return the findings and the files the scan skipped; {@code Unknown} only when the scan could not
   *     run at all (unreadable files are reported as skipped, not as unknown)
   */
  Fact<SecretScan> scan(ScanScope scope);
}

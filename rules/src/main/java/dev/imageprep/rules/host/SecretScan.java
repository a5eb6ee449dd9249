package dev.imageprep.rules.host;

import java.util.List;

/** What a secret scan found and what it could not read. */
public record SecretScan(List<SecretFinding> findings, List<SkippedFile> skipped, long filesScanned, long bytesScanned) {

  public SecretScan {
    findings = List.copyOf(findings);
    skipped = List.copyOf(skipped);
  }
}

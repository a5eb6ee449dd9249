package dev.imageprep.rules.host;

import java.util.List;

/**
 * What a secret scan found and what it could not read.
 *
 * @param findings sorted by path and line
 * @param skipped files not scanned, with the reason, sorted by path
 * @param filesScanned regular text files read and scanned
 * @param bytesScanned bytes of those files
 */
public record SecretScan(List<SecretFinding> findings, List<SkippedFile> skipped, long filesScanned, long bytesScanned) {

  public SecretScan {
    findings = List.copyOf(findings);
    skipped = List.copyOf(skipped);
  }
}

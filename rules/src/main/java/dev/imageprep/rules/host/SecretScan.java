package dev.imageprep.rules.host;

import java.util.List;

/**
 * What a secret scan found and what it could not read.
 *
 * @param findings sorted by path and line
 * @param skipped files not scanned, with the reason, sorted by path
 * @param filesScanned regular text files read and scanned
 * @param bytesScanned bytes of those files
 * @param acceptedByBaseline findings left out because a reviewed baseline accepts them
 */
public record SecretScan(List<SecretFinding> findings, List<SkippedFile> skipped, long filesScanned, long bytesScanned,
    long acceptedByBaseline) {

  public SecretScan {
    findings = List.copyOf(findings);
    skipped = List.copyOf(skipped);
  }

  /** A scan without a baseline. */
  public SecretScan(List<SecretFinding> findings, List<SkippedFile> skipped, long filesScanned, long bytesScanned) {
    this(findings, skipped, filesScanned, bytesScanned, 0);
  }
}

package dev.imageprep.agent.secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run adds to every secret scan: a baseline of accepted findings ({@code --baseline}), a
 * record of the last scan's findings for a new baseline ({@code --write-baseline}), and detectors
 * from a gitleaks rule file ({@code --secret-rules}). The standard settings add nothing.
 */
public final class SecretScanSettings {

  public static final SecretScanSettings NONE = new SecretScanSettings(null, false, List.of());

  private final SecretBaseline accepted;
  private final SecretBaseline salt;
  private final boolean record;
  private final List<Detector> extra;
  private List<SecretBaseline.Entry> lastScan = List.of();
  private boolean scanned;

  private SecretScanSettings(SecretBaseline accepted, boolean record, List<Detector> extra) {
    this.accepted = accepted;
    this.record = record;
    this.salt = accepted != null ? accepted : record ? SecretBaseline.fresh() : null;
    this.extra = List.copyOf(extra);
  }

  /**
   * @param accepted the baseline to hold findings against, or null
   * @param record whether to keep the findings' fingerprints for {@link #lastScan()}
   * @param rules a loaded gitleaks rule file, or null
   */
  public static SecretScanSettings of(SecretBaseline accepted, boolean record, GitleaksRules rules) {
    return new SecretScanSettings(accepted, record, rules == null ? List.of() : rules.detectors());
  }

  /** The baseline whose salt fingerprints findings; null when neither reading nor writing one. */
  SecretBaseline fingerprints() {
    return salt;
  }

  boolean accepts(String fingerprint) {
    return accepted != null && fingerprint != null && accepted.accepts(fingerprint);
  }

  List<Detector> extraDetectors() {
    return extra;
  }

  synchronized void recordScan(List<SecretBaseline.Entry> entries) {
    scanned = true;
    if (record) {
      lastScan = new ArrayList<>(entries);
    }
  }

  /** True once a scan has run with these settings. */
  public synchronized boolean scanned() {
    return scanned;
  }

  /** Every finding of the last scan (accepted ones too), for {@code --write-baseline}. */
  public synchronized List<SecretBaseline.Entry> lastScan() {
    return List.copyOf(lastScan);
  }

  /** The baseline a new baseline file is written with: the same salt as the one read, so entries carry over. */
  public SecretBaseline baselineToWrite() {
    return salt != null ? salt : SecretBaseline.fresh();
  }
}

package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.SecretDetectorSpec;

/** Turns the detectors a rule file defines into pattern detectors, like the built-in token detectors. */
final class CustomDetectors {

  private CustomDetectors() {}

  static Detector compile(SecretDetectorSpec spec) {
    DetectorKind kind = new DetectorKind(spec.id(), spec.title(), spec.severity(),
        spec.source() == null ? "rule file" : spec.source());
    PatternDetector.Builder b = PatternDetector.of(kind, spec.regex()).keywords(spec.keywords()).paths(spec.paths())
        .allow(spec.allow());
    if (spec.minEntropy() != null) {
      b.minEntropy(spec.minEntropy());
    }
    if (spec.minLength() != null) {
      b.minLength(spec.minLength());
    }
    return b.build();
  }
}

package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;

/**
 * A kind of secret a detector reports: the id that appears in reports, a title, how much it matters
 * and where the knowledge came from.
 *
 * @param source the public document or established tool the detector was learned from
 */
public record DetectorKind(String id, String title, Severity severity, String source) {}

package dev.imageprep.rules.catalog;

import dev.imageprep.rules.host.Severity;

/**
 * One readiness rule, as the catalog declares it.
 *
 * @param source the public document or established tool the rule comes from
 * @param origin where it was declared ({@code file:line}), for {@code rules show}
 */
public record RuleEntry(
    String id,
    String title,
    Severity severity,
    BoundCheck<?> check,
    When when,
    String description,
    String remediation,
    String source,
    String origin) {}

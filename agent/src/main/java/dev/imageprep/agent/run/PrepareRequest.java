package dev.imageprep.agent.run;

import dev.imageprep.rules.host.Severity;

/**
 * {@code prepare}: check, clean when nothing blocks (or {@code force}), verify.
 *
 * @param failOn the least severity whose failure blocks the cleanup and the verdict
 * @param dryRun check and plan, change nothing
 * @param assumeYes do not ask before cleaning
 * @param force clean even when the check finds blocking problems
 */
public record PrepareRequest(SessionRequest target, Severity failOn, boolean dryRun, boolean assumeYes,
    boolean force) {}

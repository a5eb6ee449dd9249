package dev.imageprep.agent.run;

/**
 * {@code clean}: carry out the profile's cleanup list.
 *
 * @param dryRun plan and report, change nothing
 * @param assumeYes do not ask (required when nobody can be asked)
 */
public record CleanRequest(SessionRequest target, boolean dryRun, boolean assumeYes) {}

package dev.imageprep.agent.run;

import dev.imageprep.rules.host.Severity;

/**
 * {@code check}: judge the image, change nothing.
 *
 * @param failOn the least severity whose failure makes the image not ready ({@code --fail-on})
 */
public record CheckRequest(SessionRequest target, Severity failOn) {}

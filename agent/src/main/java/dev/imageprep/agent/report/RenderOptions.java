package dev.imageprep.agent.report;

/**
 * How a human-facing writer may decorate its output.
 *
 * @param color ANSI colour is allowed (a terminal, and no NO_COLOR)
 * @param verbose show passing checks' evidence too
 */
public record RenderOptions(boolean color, boolean verbose) {

  public static final RenderOptions PLAIN = new RenderOptions(false, false);
}

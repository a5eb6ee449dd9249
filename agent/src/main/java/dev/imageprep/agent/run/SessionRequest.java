package dev.imageprep.agent.run;

import java.util.List;
import java.util.Set;

/**
 * What the user asked for, as plain values (the command line's options, parsed).
 *
 * @param root {@code --root}, or null for the running system
 * @param stateDir {@code --state-dir}, or null for the default
 * @param keep extra paths on this machine the run must not remove (its report file)
 */
public record SessionRequest(
    String profile,
    String root,
    List<String> ruleFiles,
    Set<String> only,
    Set<String> skip,
    Set<String> enable,
    String stateDir,
    List<String> keep) {}

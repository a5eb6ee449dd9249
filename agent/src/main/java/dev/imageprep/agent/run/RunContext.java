package dev.imageprep.agent.run;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.model.ToolInfo;
import java.util.function.Supplier;

/**
 * What every workflow needs from outside: the process around it, how to open a host, the check
 * types, the tool's name and version, and how interruptions are seen. Tests build it with temporary
 * trees and fakes.
 */
public record RunContext(
    AgentEnvironment env,
    HostOpener opener,
    CheckTypes types,
    ToolInfo tool,
    Supplier<Interruptions> interruptions) {}

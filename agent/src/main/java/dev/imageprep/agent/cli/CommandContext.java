package dev.imageprep.agent.cli;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.run.HostOpener;
import dev.imageprep.agent.run.Interruptions;
import dev.imageprep.agent.run.RunContext;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.model.ToolInfo;
import java.util.function.Supplier;

/**
 * What every command needs from outside: the environment, how to open a host, the registries, and
 * how interruptions are seen. Tests build it with temporary trees and fakes.
 */
public record CommandContext(
    AgentEnvironment env,
    HostOpener opener,
    CheckTypes types,
    ReportWriters writers,
    Supplier<Interruptions> interruptions,
    ToolInfo tool) {

  /** What the workflows below the command line need of it. */
  public RunContext run() {
    return new RunContext(env, opener, types, tool, interruptions);
  }

  /** The same context with another way to open hosts (a secret baseline, gitleaks rules). */
  public CommandContext withOpener(HostOpener other) {
    return new CommandContext(env, other, types, writers, interruptions, tool);
  }

  public static CommandContext standard(AgentEnvironment env) {
    return new CommandContext(env, HostOpener.standard(env), CheckTypes.builtIn(), ReportWriters.standard(),
        Interruptions::fromSignals, new ToolInfo("imageprep", Version.current()));
  }
}

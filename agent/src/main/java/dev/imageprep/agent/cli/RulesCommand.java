package dev.imageprep.agent.cli;

import picocli.CommandLine.Command;

/** {@code imageprep rules}: the catalog, rule by rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "List the rules and cleanup items of a profile, or show one in full.",
    subcommands = {RulesListCommand.class, RulesShowCommand.class})
public final class RulesCommand extends CommandGroup {}

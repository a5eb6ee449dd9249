package dev.imageprep.agent.cli;

import picocli.CommandLine.Command;

/** {@code imageprep registry}: Windows registry hive files, as imageprep reads them offline. */
@Command(name = "registry", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "Show what imageprep reads from Windows registry hive files.",
    subcommands = {RegistryExportCommand.class})
public final class RegistryCommand extends CommandGroup {}

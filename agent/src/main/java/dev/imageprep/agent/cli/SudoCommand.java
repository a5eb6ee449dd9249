package dev.imageprep.agent.cli;

import picocli.CommandLine.Command;

/** {@code imageprep sudo}: administrative rights of the image's users. */
@Command(name = "sudo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "Manage the image's administrative (sudo) rights.",
    subcommands = {SudoRevokeCommand.class})
public final class SudoCommand extends CommandGroup {}

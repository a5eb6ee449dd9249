package dev.imageprep.agent.cli;

import dev.imageprep.agent.probe.windows.HiveException;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.agent.probe.windows.HiveExport;
import dev.imageprep.agent.probe.windows.HiveFile;
import dev.imageprep.agent.probe.windows.RegFileWriter;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep registry export HIVE [KEY]}: a hive file's keys and values in reg export's format. */
@Command(name = "export", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
    description = {"Print the keys and values of a registry hive file (Windows/System32/config/SYSTEM, a"
        + " user's NTUSER.DAT) in the text format of reg export, from its root or from KEY down: what imageprep"
        + " reads offline, for when an offline verdict surprises you.",
        "A hive that was not closed cleanly is first brought up to date from the .LOG1/.LOG2/.LOG files beside it,"
        + " in memory, as Windows does when it loads it; what was done is said on stderr. Nothing is written:"
        + " the hive and its logs are opened read-only.",
        "REG_SZ is printed as \"text\", a 4-byte REG_DWORD as dword:, everything else as hex(N): bytes, as reg"
        + " export does; a REG_SZ holding a control character is printed as hex(1): bytes, and a control"
        + " character in a name as \\xNN, so that no hive can forge a line."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "2:not a hive, a damaged hive, or no such key (nothing printed after the error)"})
public final class RegistryExportCommand implements Callable<Integer> {

  @ParentCommand
  RegistryCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HIVE", description = "The hive file.")
  String hive;

  @Parameters(index = "1", arity = "0..1", paramLabel = "KEY",
      description = "The key to start from, below the hive's root (ControlSet001\\Services), or with the root's"
          + " name (HKLM\\SYSTEM\\ControlSet001\\Services); CurrentControlSet is the control set Select\\Current names.")
  String key;

  @Option(names = "--prefix", paramLabel = "ROOT",
      description = "What to print for the hive's root key. Default: the key Windows loads the file under"
          + " (HKEY_LOCAL_MACHINE\\SYSTEM for SYSTEM, HKEY_CURRENT_USER for NTUSER.DAT, HKEY_LOCAL_MACHINE\\NAME"
          + " for another file NAME).")
  String prefix;

  @Override
  public Integer call() throws IOException {
    Path file = parent.root.context().env().fileSystem().getPath(hive);
    if (!Files.isRegularFile(file)) {
      throw AgentException.usage(hive + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
    }
    HiveExport export;
    try {
      export = new HiveExport(HiveFile.open(file), prefix);
    } catch (HiveException e) {
      throw AgentException.usage(hive + ": " + e.getMessage());
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw AgentException.usage(hive + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!export.clean()) {
      err.println("imageprep: " + export.stateNote());
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    RegFileWriter writer = new RegFileWriter(out, System.lineSeparator());
    try {
      if (!export.write(key, writer)) {
        throw AgentException.usage("no key " + key + " in " + hive);
      }
    } catch (HiveException e) {
      out.flush();
      throw AgentException.usage(hive + ": " + e.getMessage() + " (the export above is incomplete)");
    }
    out.flush();
    return ExitCode.OK.code();
  }
}

package dev.imageprep.agent.cli;

import dev.imageprep.agent.report.TerminalText;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.model.ExitCode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds and runs the picocli command tree; the only place that turns exceptions into exit codes. */
public final class CommandLines {

  private CommandLines() {}

  /** Runs one command line and returns its exit code; tests call this with their own context and writers. */
  public static int run(CommandContext context, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = newCommandLine(context, args);
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    if (out.checkError()) {
      // stdout is gone or full (a closed pipe, > /dev/full): the report did not arrive, whatever it said
      err.println("imageprep: could not write the report to standard output");
      err.flush();
      return Math.max(code, ExitCode.INCOMPLETE.code());
    }
    return code;
  }

  /** The whole command tree (for documentation and tests that parse many command lines). */
  public static CommandLine newCommandLine(CommandContext context) {
    return newCommandLine(context, new String[0]);
  }

  /**
   * The command tree a command line needs: the root and the subcommand it names, or every subcommand
   * when it names none (help, a typo that deserves suggestions).
   */
  public static CommandLine newCommandLine(CommandContext context, String... args) {
    CommandLine cl = new CommandLine(new RootCommand(context));
    String named = args.length > 0 && RootCommand.SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
    RootCommand.SUBCOMMANDS.forEach((name, type) -> {
      if (named == null || named.equals(name)) {
        cl.addSubcommand(name, new CommandLine(type));
      }
    });
    listExitCodes(cl.getCommandSpec());
    for (String run : RootCommand.RUNS) {
      CommandLine sub = cl.getSubcommands().get(run);
      if (sub != null) {
        listExitCodes(sub.getCommandSpec());
      }
    }
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof AgentException ae) {
        err.println("imageprep: " + TerminalText.escape(ae.getMessage()));
        err.flush();
        return ae.exitCode().code();
      }
      err.println("imageprep: internal error: " + TerminalText.escape(e.toString()));
      e.printStackTrace(err);
      err.flush();
      return ExitCode.INCOMPLETE.code();
    });
    cl.setParameterExceptionHandler((e, badArgs) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("imageprep: " + TerminalText.escape(e.getMessage()));
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      }
      err.flush();
      return ExitCode.USAGE.code();
    });
    return cl;
  }

  /** The help's exit-code list, from the one enum that defines them. */
  private static void listExitCodes(CommandSpec spec) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(Integer.toString(c.code()), c.meaning());
    }
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
  }
}

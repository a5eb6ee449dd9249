package dev.imageprep.agent;

import dev.imageprep.agent.cli.AgentException;
import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.cli.ExitCodes;
import dev.imageprep.agent.cli.RootCommand;
import dev.imageprep.agent.cli.Version;
import dev.imageprep.agent.report.TerminalText;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The entry point; the only place that exits the process. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    if (isVersionRequest(args)) {
      // Fleets call --version to see what is installed: answer before picocli builds the whole command
      // model, which is most of a cold start. The lines are the ones RootCommand's provider gives.
      for (String line : new Version().getVersion()) {
        out.println(line);
      }
      out.flush();
      System.exit(ExitCodes.OK);
    }
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(CommandContext.standard(AgentEnvironment.system()), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  static boolean isVersionRequest(String... args) {
    return args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
  }

  /** Runs one command line and returns its exit code; tests call this with their own context and writers. */
  public static int run(CommandContext context, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = newCommandLine(context, args);
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
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
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof AgentException ae) {
        err.println("imageprep: " + TerminalText.escape(ae.getMessage()));
        err.flush();
        return ae.exitCode();
      }
      err.println("imageprep: internal error: " + TerminalText.escape(e.toString()));
      e.printStackTrace(err);
      err.flush();
      return ExitCodes.INCOMPLETE;
    });
    cl.setParameterExceptionHandler((e, badArgs) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("imageprep: " + TerminalText.escape(e.getMessage()));
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      }
      err.flush();
      return ExitCodes.USAGE;
    });
    return cl;
  }
}

package dev.imageprep.agent;

import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.cli.CommandLines;
import dev.imageprep.agent.cli.Version;
import dev.imageprep.agent.probe.windows.WindowsRuntime;
import dev.imageprep.rules.model.ExitCode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The entry point; the only place that exits the process. */
public final class Main {

  private Main() {}

  @SuppressForbidden("the process's own entry point: the only code that reaches the console streams")
  public static void main(String[] args) {
    // straight to file descriptor 1, not through System.out: a PrintStream keeps write errors to
    // itself, and a report that did not reach stdout (a closed pipe, > /dev/full) must be exit 3
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8), true);
    if (isVersionRequest(args)) {
      // Fleets call --version to see what is installed: answer before picocli builds the whole command
      // model, which is most of a cold start. The lines are the ones RootCommand's provider gives.
      for (String line : new Version().getVersion()) {
        out.println(line);
      }
      out.flush();
      System.exit(0);
    }
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    AgentEnvironment env = AgentEnvironment.system();
    if (env.fileSystem().getSeparator().equals("\\")) {
      Optional<String> refusal = WindowsRuntime.wow64Refusal(System.getProperty("os.arch"),
          System.getProperty("sun.arch.data.model"), env.env());
      if (refusal.isPresent()) {
        err.println("imageprep: " + refusal.get());
        err.flush();
        System.exit(ExitCode.USAGE.code());
      }
      WindowsRuntime.keepJnaOutOfTemp(System.getProperties(), env.stateDir());
    }
    int code = run(CommandContext.standard(env), out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  static boolean isVersionRequest(String... args) {
    return args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
  }

  /** Runs one command line and returns its exit code; tests call this with their own context and writers. */
  public static int run(CommandContext context, PrintWriter out, PrintWriter err, String... args) {
    return CommandLines.run(context, out, err, args);
  }
}

package dev.imageprep.agent.testing;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.Main;
import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.probe.common.ProcessCommandRunner;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.run.HostOpener;
import dev.imageprep.agent.run.Interruptions;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.model.ToolInfo;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs the real command line in-process, the way picocli's testing guide suggests: real parsing,
 * real commands, output captured through the command line's own writers. The state directory is a
 * temporary one, the clock fixed, and whether a person is at a terminal is the test's choice.
 */
public final class LocalCli {

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  private final Path stateDir;
  private final Path workingDir;
  private boolean interactive;
  private Reader answers = new StringReader("");
  private OptionalInt uid = OptionalInt.of(0);
  private final Map<String, String> env = new HashMap<>(Map.of("NO_COLOR", "1"));

  public LocalCli(Path stateDir, Path workingDir) {
    this.stateDir = stateDir;
    this.workingDir = workingDir;
  }

  /** A person at a terminal who answers with these lines. */
  public LocalCli interactive(String answers) {
    return interactive(new StringReader(answers));
  }

  /** A person at a terminal who answers from this reader (which may wait, as a person does). */
  public LocalCli interactive(Reader answers) {
    this.interactive = true;
    this.answers = answers;
    return this;
  }

  public LocalCli uid(int uid) {
    this.uid = OptionalInt.of(uid);
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(new PrintWriter(out), new PrintWriter(err), args);
    ProducedReports.validate(FileSystems.getDefault(), args, out.toString());
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs with the caller's writers, for a test that watches the output as it comes (a prompt). */
  public int run(PrintWriter out, PrintWriter err, String... args) {
    AgentEnvironment environment = new AgentEnvironment(FileSystems.getDefault(),
        Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), env, interactive,
        new BufferedReader(answers), uid, stateDir, workingDir, 4242, new ProcessCommandRunner());
    CommandContext context = new CommandContext(environment, HostOpener.standard(environment), CheckTypes.builtIn(),
        ReportWriters.standard(), Interruptions::none, new ToolInfo("imageprep", "test"));
    return Main.run(context, out, err, args);
  }
}

package dev.imageprep.agent.testing;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.Main;
import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.probe.common.CommandRunner;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs the real command line (picocli, every option and writer) against a chosen filesystem, a fixed
 * clock and scripted commands, and captures what it prints. Nothing here touches the machine's state:
 * the state directory is always one the test gives.
 */
public final class CliHarness {

  public static final Instant NOW = Instant.parse("2026-05-04T09:30:00Z");

  /** What one command line returned and printed. */
  public record Result(int exitCode, String out, String err) {}

  private final FileSystem fs;
  private final Path stateDir;
  private Map<String, String> env = Map.of();
  private boolean interactive;
  private OptionalInt uid = OptionalInt.of(0);
  private CommandRunner runner = FakeRunner.noPackageManager();
  private java.util.function.UnaryOperator<CommandContext> customize = c -> c;

  public CliHarness(FileSystem fs, Path stateDir) {
    this.fs = fs;
    this.stateDir = stateDir;
  }

  public CliHarness env(Map<String, String> variables) {
    this.env = Map.copyOf(variables);
    return this;
  }

  /** Pretend a person sits at a terminal (progress and colour allowed). */
  public CliHarness interactive(boolean value) {
    this.interactive = value;
    return this;
  }

  /** Run as this user id (0, root, unless told). */
  public CliHarness uid(int value) {
    this.uid = OptionalInt.of(value);
    return this;
  }

  public CliHarness runner(CommandRunner value) {
    this.runner = value;
    return this;
  }

  /** Replace parts of the standard context (the host opener, the writers). */
  public CliHarness customize(java.util.function.UnaryOperator<CommandContext> value) {
    this.customize = value;
    return this;
  }

  public AgentEnvironment environment() {
    return new AgentEnvironment(fs, Clock.fixed(NOW, ZoneOffset.UTC), env, interactive,
        new BufferedReader(new StringReader("")), uid, stateDir, stateDir, 4242, runner);
  }

  public CommandContext context() {
    return customize.apply(CommandContext.standard(environment()));
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(context(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    ProducedReports.validate(fs, args, out.toString());
    return new Result(code, out.toString(), err.toString());
  }
}

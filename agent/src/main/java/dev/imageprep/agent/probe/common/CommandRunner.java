package dev.imageprep.agent.probe.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs an external command with a time limit; the seam tests replace. */
public interface CommandRunner {

  /**
   * The outcome of one command.
   *
   * @param exitCode the process's exit code
   * @param stdout standard output, as text
   * @param stderr standard error, as text
   */
  record Result(int exitCode, String stdout, String stderr) {}

  /**
   * @return the result, or empty when the command could not be started (not installed)
   * @throws CommandTimeoutException when it ran out of time (the process is killed)
   */
  Optional<Result> run(List<String> command, Duration timeout);

  /** A command that outlived its time limit. */
  final class CommandTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandTimeoutException(String message) {
      super(message);
    }
  }
}

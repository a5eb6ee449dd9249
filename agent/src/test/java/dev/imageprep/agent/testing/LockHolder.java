package dev.imageprep.agent.testing;

import dev.imageprep.agent.cleanup.RunLock;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process that takes a tree's run lock the way a cleaning run does, says so on stdout, and
 * holds it until its stdin closes: the other side of the two-process lock tests.
 *
 * <p>Usage: {@code LockHolder STATE_DIR ROOT}
 */
public final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    Path state = Path.of(args[0]);
    Path root = Path.of(args[1]).toRealPath();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (RunLock lock = RunLock.acquire(state.resolve(RunLock.fileName(root, true)), false,
        ProcessHandle.current().pid())) {
      out.println("locked");
      System.in.readAllBytes(); // until the test closes our stdin
    }
  }
}

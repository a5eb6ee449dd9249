package dev.imageprep.agent.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

  @TempDir
  Path dir;

  @Test
  void aSecondExclusiveRunIsToldWhoHoldsTheLock() throws Exception {
    Path file = dir.resolve("imageprep.lock");
    try (RunLock first = RunLock.acquire(file, false, 4242)) {
      assertThatThrownBy(() -> RunLock.acquire(file, false, 1)).isInstanceOfSatisfying(RunLock.HeldException.class,
          e -> assertThat(e.getMessage()).contains("pid 4242").contains(file.toString()));
      assertThatThrownBy(() -> RunLock.acquire(file, true, 1)).as("a check waits for no cleanup")
          .isInstanceOf(RunLock.HeldException.class);
    }
    try (RunLock again = RunLock.acquire(file, false, 1)) {
      assertThat(again).isNotNull();
    }
  }
}

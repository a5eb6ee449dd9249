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

  /**
   * LockFileEx locks are mandatory: "an exclusive lock ... denies all other processes both read and
   * write access to the specified region" (LockFileEx, Win32 docs). The lock therefore covers a byte
   * past the holder's record, so a second run on Windows can read whose lock it is.
   */
  @Test
  void theLockedRegionLeavesTheHoldersRecordReadable() throws Exception {
    Path file = dir.resolve("imageprep.lock");
    try (RunLock held = RunLock.acquire(file, false, 4242)) {
      assertThat(held.lockedFrom()).isGreaterThanOrEqualTo(RunLock.RECORD_BYTES);
      assertThat(java.nio.file.Files.readString(file)).isEqualTo("pid 4242\n");
    }
  }
}

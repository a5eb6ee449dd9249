package dev.imageprep.agent.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
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

  @Test
  void theLockIsNamedAfterTheTreeNotThePathThatReachedIt() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Path other = Files.createDirectories(dir.resolve("other"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), tree);

    assertThat(RunLock.fileName(link.toRealPath(), true)).isEqualTo(RunLock.fileName(tree, true))
        .startsWith("tree-").isNotEqualTo(RunLock.fileName(other, true));
    assertThat(RunLock.fileName(Path.of("/"), true)).as("--root / is the running system")
        .isEqualTo(RunLock.fileName(tree, false)).isEqualTo("imageprep.lock");
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
      assertThat(Files.readString(file)).isEqualTo("pid 4242\n");
    }
  }
}

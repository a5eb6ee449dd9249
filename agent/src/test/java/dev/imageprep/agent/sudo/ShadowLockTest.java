package dev.imageprep.agent.sudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files: the link-file protocol depends on link(2) and the link count. */
class ShadowLockTest {

  @TempDir
  Path etc;

  private final AtomicInteger pauses = new AtomicInteger();

  @Test
  void takesPwdLockAndLinkLocksAndRemovesThemOnClose() throws Exception {
    try (ShadowLock lock = ShadowLock.acquire(etc, List.of("group", "gshadow"), 4242, pid -> true,
        pauses::incrementAndGet)) {
      assertThat(etc.resolve(".pwd.lock")).exists();
      assertThat(Files.readString(etc.resolve("group.lock"), StandardCharsets.US_ASCII)).isEqualTo("4242\0");
      assertThat(etc.resolve("gshadow.lock")).exists();
      assertThat(etc.resolve("group.4242")).doesNotExist();
    }
    assertThat(etc.resolve("group.lock")).doesNotExist();
    assertThat(etc.resolve("gshadow.lock")).doesNotExist();
    assertThat(pauses).hasValue(0);
  }

  @Test
  void aLockFileOfARunningProcessMakesItBusyAndIsLeftAlone() throws Exception {
    Files.writeString(etc.resolve("gshadow.lock"), "77\0");

    assertThatThrownBy(() -> ShadowLock.acquire(etc, List.of("group", "gshadow"), 4242, pid -> pid == 77,
        pauses::incrementAndGet)).isInstanceOf(ShadowLock.BusyException.class).hasMessageContaining("pid 77");

    assertThat(Files.readString(etc.resolve("gshadow.lock"))).isEqualTo("77\0");
    assertThat(etc.resolve("group.lock")).as("the lock taken before is given back").doesNotExist();
    assertThat(pauses).hasValue(ShadowLock.TRIES - 1);
  }

  @Test
  void aStaleLockFileIsReplaced() throws Exception {
    Files.writeString(etc.resolve("group.lock"), "77\0");

    try (ShadowLock lock = ShadowLock.acquire(etc, List.of("group"), 4242, pid -> false, pauses::incrementAndGet)) {
      assertThat(Files.readString(etc.resolve("group.lock"))).isEqualTo("4242\0");
    }
  }

  @Test
  void thePwdLockExcludesASecondHolder() throws Exception {
    try (ShadowLock first = ShadowLock.acquire(etc, List.of("group"), 1, pid -> true, pauses::incrementAndGet)) {
      assertThatThrownBy(() -> ShadowLock.acquire(etc, List.of("group"), 2, pid -> true, pauses::incrementAndGet))
          .isInstanceOf(ShadowLock.BusyException.class).hasMessageContaining(".pwd.lock");
    }
  }
}

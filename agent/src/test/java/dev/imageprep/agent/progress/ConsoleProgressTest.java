package dev.imageprep.agent.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  private final StringWriter screen = new StringWriter();
  private final ConsoleProgress progress = new ConsoleProgress(new PrintWriter(screen), 60);

  @Test
  void drawsABarInPlaceAndClearsItAtTheEnd() {
    try (Progress.Task t = progress.begin("cleaning", 200)) {
      t.advance(100, "/var/cache/apt/archives/x.deb");
    }

    String[] frames = screen.toString().split("\r", -1);
    assertThat(frames[2]).startsWith("[############············]  50 %  cleaning  /var/cache/apt").endsWith("…");
    assertThat(frames[2].length()).isLessThanOrEqualTo(59);
    assertThat(frames[frames.length - 1]).isEmpty();
    assertThat(frames[frames.length - 2]).isBlank();
  }

  @Test
  void redrawsOnlyWhenTheShownNumberChanges() {
    try (Progress.Task t = progress.begin("scanning for secrets", 0)) {
      for (int i = 0; i < 10_000; i++) {
        t.advance(1, "/etc/file" + i);
      }
    }

    long redraws = screen.toString().chars().filter(c -> c == '\r').count();
    assertThat(redraws).isBetween(150L, 160L);
    assertThat(screen.toString()).contains("    9,984  scanning for secrets  /etc/file9983");
  }

  @Test
  void showsNothingOffATerminalOrWhenQuiet() {
    PrintWriter err = new PrintWriter(screen);

    assertThat(ConsoleProgress.forRun(false, false, Map.of(), err)).isSameAs(Progress.NONE);
    assertThat(ConsoleProgress.forRun(true, true, Map.of(), err)).isSameAs(Progress.NONE);
    assertThat(ConsoleProgress.forRun(true, false, Map.of("TERM", "dumb"), err)).isSameAs(Progress.NONE);
    assertThat(ConsoleProgress.forRun(true, false, Map.of(), err)).isInstanceOf(ConsoleProgress.class);
  }
}

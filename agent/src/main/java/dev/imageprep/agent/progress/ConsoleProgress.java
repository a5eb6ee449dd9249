package dev.imageprep.agent.progress;

import dev.imageprep.agent.report.TerminalText;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * A one-line progress bar redrawn in place with a carriage return, for a terminal's stderr:
 * {@code [##########··········]  50 %  cleaning  /var/cache/apt/archives/x.deb}. It redraws only when
 * the shown percentage (or, without a total, every 64th unit) changes, so a walk over a million
 * files costs a few hundred writes; closing a task clears the line so the report starts clean.
 * Written here rather than taken from a library (progressbar pulls in jline, whose terminal
 * detection wants native code and native-access flags): it is a few dozen lines, and tests drive it
 * with a StringWriter.
 */
public final class ConsoleProgress implements Progress {

  private static final int BAR = 24;
  private static final int COUNT_STEP = 64;

  private final PrintWriter err;
  private final int columns;

  public ConsoleProgress(PrintWriter err, int columns) {
    this.err = err;
    this.columns = Math.max(40, columns);
  }

  /**
   * The progress display for one run: a bar on stderr when a person watches a terminal and did not
   * ask for quiet, nothing otherwise.
   */
  public static Progress forRun(boolean terminal, boolean quiet, Map<String, String> env, PrintWriter err) {
    if (!terminal || quiet || "dumb".equals(env.get("TERM"))) {
      return NONE;
    }
    int columns = 80;
    try {
      columns = Integer.parseInt(env.getOrDefault("COLUMNS", "80").strip());
    } catch (NumberFormatException e) {
      // keep 80
    }
    return new ConsoleProgress(err, columns);
  }

  @Override
  public Task begin(String label, long total) {
    return new Line(label, total);
  }

  private final class Line implements Task {
    private final String label;
    private final long total;
    private long done;
    private long lastShown = -1;
    private String detail = "";
    private int drawnWidth;

    Line(String label, long total) {
      this.label = label;
      this.total = total;
      draw();
    }

    @Override
    public void advance(long units, String newDetail) {
      done += Math.max(0, units);
      if (newDetail != null) {
        detail = TerminalText.escape(newDetail); // a file name must not move the cursor or end the line
      }
      long shown = total > 0 ? Math.min(100, done * 100 / total) : done / COUNT_STEP;
      if (shown != lastShown) {
        draw();
      }
    }

    private void draw() {
      String head;
      if (total > 0) {
        int pct = (int) Math.min(100, done * 100 / total);
        int filled = pct * BAR / 100;
        head = "[" + "#".repeat(filled) + "·".repeat(BAR - filled) + "] " + String.format(Locale.ROOT, "%3d %%", pct);
        lastShown = pct;
      } else {
        head = String.format(Locale.ROOT, "%,9d", done);
        lastShown = done / COUNT_STEP;
      }
      String line = head + "  " + label + (detail.isEmpty() ? "" : "  " + detail);
      if (line.length() > columns - 1) {
        line = line.substring(0, columns - 2) + "…";
      }
      err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
      err.flush();
      drawnWidth = line.length();
    }

    @Override
    public void close() {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
    }
  }
}

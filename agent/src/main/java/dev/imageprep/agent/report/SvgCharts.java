package dev.imageprep.agent.report;

import static dev.imageprep.agent.report.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * Small inline SVG pictures: no script, no fonts or images to fetch, and every label escaped.
 * Sizes are in CSS pixels; the SVGs scale with their container.
 */
final class SvgCharts {

  /** One bar of a bar list: a label, a value, the text shown for it and a CSS class for its colour. */
  record Bar(String label, double value, String shown, String tone) {}

  /** One part of a stacked bar. */
  record Part(String label, int count, String tone) {}

  private static final int WIDTH = 560;

  private SvgCharts() {}

  /**
   * A horizontal gauge from 0 to {@code max} with the value filled and a dashed line at the limit:
   * "root volume 97.8 % against the 97 % line".
   */
  static String gauge(String title, double value, double limit, double max, String valueText, String limitText,
      boolean over) {
    double scale = (WIDTH - 20) / max;
    double fill = Math.min(value, max) * scale;
    double at = Math.min(limit, max) * scale + 10;
    StringBuilder s = open(title, 70);
    s.append(text(10, 14, valueText, "gauge-value", "start"));
    s.append(rect(10, 22, WIDTH - 20, 22, "track"));
    s.append(rect(10, 22, fill, 22, over ? "fail" : "pass"));
    s.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='18' x2='%.1f' y2='50' class='limit'/>", at, at));
    s.append(text(at, 64, limitText, "limit-label", at > WIDTH * 0.7 ? "end" : "middle"));
    return s.append("</svg>").toString();
  }

  /** One bar stacked from parts (the check results by status), with a legend below. */
  static String stacked(String title, List<Part> parts) {
    int total = parts.stream().mapToInt(Part::count).sum();
    StringBuilder s = open(title, 58);
    double x = 10;
    for (Part p : parts) {
      if (p.count() == 0) {
        continue;
      }
      double w = (WIDTH - 20) * p.count() / (double) Math.max(1, total);
      s.append(rect(x, 6, w, 22, p.tone()));
      x += w;
    }
    double lx = 10;
    for (Part p : parts) {
      s.append(rect(lx, 40, 10, 10, p.tone()));
      String label = p.count() + " " + p.label();
      s.append(text(lx + 14, 49, label, "legend", "start"));
      lx += 24 + label.length() * 7;
    }
    return s.append("</svg>").toString();
  }

  /** Labelled horizontal bars scaled to the largest value (or to {@code max} when it is larger). */
  static String bars(String title, List<Bar> bars, double max) {
    int row = 26;
    int labelWidth = 220;
    double top = Math.max(max, bars.stream().mapToDouble(Bar::value).max().orElse(0));
    StringBuilder s = open(title, bars.size() * row + 8);
    int y = 4;
    for (Bar b : bars) {
      double w = top <= 0 ? 0 : (WIDTH - labelWidth - 90) * b.value() / top;
      s.append(text(labelWidth - 8, y + 15, shorten(b.label(), 28), "bar-label", "end"));
      s.append(rect(labelWidth, y + 3, Math.max(w, 1), 16, b.tone()));
      s.append(text(labelWidth + Math.max(w, 1) + 6, y + 15, b.shown(), "bar-value", "start"));
      y += row;
    }
    return s.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int height) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg viewBox='0 0 %d %d' width='%d' height='%d' role='img'"
            + " aria-label='%s'><title>%s</title>", WIDTH, height, WIDTH, height, esc(title), esc(title)));
  }

  private static String rect(double x, double y, double w, double h, String tone) {
    return String.format(Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' rx='3' class='%s'/>", x,
        y, Math.max(0, w), h, esc(tone));
  }

  private static String text(double x, double y, String s, String cls, String anchor) {
    return String.format(Locale.ROOT, "<text x='%.1f' y='%.1f' class='%s' text-anchor='%s'>%s</text>", x, y, cls,
        anchor, esc(s));
  }

  /** Keeps the end of a long path, where the distinguishing part is. */
  static String shorten(String s, int max) {
    return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
  }
}

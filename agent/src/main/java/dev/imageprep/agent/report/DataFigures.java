package dev.imageprep.agent.report;

import dev.imageprep.rules.check.Bytes;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns the measured values checks leave in {@code data} into pictures. Each picture appears only
 * when its values are there, so a check type that reports them gets its picture without changes
 * here:
 *
 * <ul>
 *   <li>{@code percent} and {@code maxPercent} (volume usage): a gauge against the limit line;
 *   <li>{@code limitBytes} and {@code profiles: [{path, bytes, largest: [{path, bytes}]}]} (the
 *       Windows profile-size check): a gauge per profile against the limit and, when a profile
 *       lists them, its largest folders as bars.
 * </ul>
 */
final class DataFigures {

  private static final int MAX_BARS = 8;

  private DataFigures() {}

  static Optional<String> volume(CheckResult c) {
    OptionalDouble pct = number(c.data(), "percent");
    OptionalDouble max = number(c.data(), "maxPercent");
    if (pct.isEmpty() || max.isEmpty()) {
      return Optional.empty();
    }
    Object mount = c.data().getOrDefault("mount", "/");
    String detail = number(c.data(), "usedBytes").isPresent() && number(c.data(), "totalBytes").isPresent()
        ? " · " + Bytes.human((long) number(c.data(), "usedBytes").getAsDouble()) + " used of "
            + Bytes.human((long) number(c.data(), "totalBytes").getAsDouble()) : "";
    String svg = SvgCharts.gauge("Volume usage of " + mount, pct.getAsDouble(), max.getAsDouble(), 100,
        percent(pct.getAsDouble()) + " % full" + detail, percent(max.getAsDouble()) + " % limit",
        pct.getAsDouble() >= max.getAsDouble());
    return Optional.of(HtmlReportWriter.figure("Volume usage · " + mount, svg));
  }

  static Optional<String> profile(CheckResult c) {
    OptionalDouble limit = number(c.data(), "limitBytes");
    if (limit.isEmpty() || !(c.data().get("profiles") instanceof List<?> profiles)) {
      return Optional.empty();
    }
    StringBuilder svg = new StringBuilder();
    for (Object o : profiles) {
      if (!(o instanceof Map<?, ?> profile) || number(profile, "bytes").isEmpty()) {
        continue;
      }
      double size = number(profile, "bytes").getAsDouble();
      double max = Math.max(size, limit.getAsDouble()) * 1.15;
      svg.append(SvgCharts.gauge("Size of " + profile.get("path") + " against its limit", size, limit.getAsDouble(),
          max, profile.get("path") + " · " + Bytes.human((long) size), Bytes.human((long) limit.getAsDouble())
              + " limit", size >= limit.getAsDouble()));
      if (profile.get("largest") instanceof List<?> largest && !largest.isEmpty()) {
        svg.append(SvgCharts.bars("Largest folders of " + profile.get("path"), folderBars(largest), 0));
      }
    }
    return svg.length() == 0 ? Optional.empty() : Optional.of(HtmlReportWriter.figure(c.title(), svg.toString()));
  }

  private static List<SvgCharts.Bar> folderBars(List<?> folders) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (Object o : folders.subList(0, Math.min(MAX_BARS, folders.size()))) {
      if (o instanceof Map<?, ?> m && number(m, "bytes").isPresent()) {
        double b = number(m, "bytes").getAsDouble();
        bars.add(new SvgCharts.Bar(String.valueOf(m.get("path")), b, Bytes.human((long) b), "folder"));
      }
    }
    return bars;
  }

  /** Findings (evidence items, at least one per problem) per category, coloured by the worst status. */
  static Optional<String> findings(List<CheckResult> checks) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Status> worst = new LinkedHashMap<>();
    for (CheckResult c : checks) {
      if (c.status() == Status.PASS || c.status() == Status.SKIPPED) {
        continue;
      }
      String cat = CheckCategories.of(c);
      counts.computeIfAbsent(cat, k -> new int[1])[0] += Math.max(1, c.evidence().size());
      worst.merge(cat, c.status(), (a, b) -> rank(a) >= rank(b) ? a : b);
    }
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    List<SvgCharts.Bar> bars = new ArrayList<>();
    counts.forEach((cat, n) -> bars.add(new SvgCharts.Bar(cat, n[0], n[0] + (n[0] == 1 ? " finding" : " findings"),
        worst.get(cat).key())));
    bars.sort(Comparator.comparingDouble(SvgCharts.Bar::value).reversed());
    return Optional.of(HtmlReportWriter.figure("Findings per category", SvgCharts.bars("Findings per category",
        bars, 0)));
  }

  /** The cleanup's largest items by the bytes they free. */
  static Optional<String> cleanupBySize(List<PlannedStep> steps) {
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (PlannedStep s : steps) {
      bytes.merge(s.id(), Math.max(0, s.bytes()), Long::sum);
    }
    List<SvgCharts.Bar> bars = bytes.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(MAX_BARS)
        .map(e -> new SvgCharts.Bar(e.getKey(), e.getValue(), Bytes.human(e.getValue()), "folder")).toList();
    if (bars.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(HtmlReportWriter.figure("Cleanup by size (largest items)", SvgCharts.bars("Cleanup by size",
        bars, 0)));
  }

  private static int rank(Status s) {
    return switch (s) {
      case FAIL -> 3;
      case UNKNOWN -> 2;
      case WARN -> 1;
      default -> 0;
    };
  }

  private static OptionalDouble number(Map<?, ?> data, String key) {
    return data.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
  }

  private static String percent(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}

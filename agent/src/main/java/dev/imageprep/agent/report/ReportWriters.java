package dev.imageprep.agent.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The report formats, by {@code --format} name; the list also feeds the option's help text. */
public final class ReportWriters {

  private final Map<String, ReportWriter> byName = new TreeMap<>();

  public ReportWriters(List<ReportWriter> writers) {
    for (ReportWriter w : writers) {
      if (byName.put(w.name(), w) != null) {
        throw new IllegalStateException("two report writers named " + w.name());
      }
    }
  }

  public static ReportWriters standard() {
    return new ReportWriters(List.of(
        // keep-sorted start
        new HtmlReportWriter(),
        new JsonReportWriter(),
        new JunitReportWriter(),
        new TextReportWriter()
        // keep-sorted end
        ));
  }

  public Optional<ReportWriter> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Every writer, by name. */
  public List<ReportWriter> all() {
    return List.copyOf(byName.values());
  }
}

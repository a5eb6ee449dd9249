package dev.imageprep.agent.report;

import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.io.Writer;

/** Renders a report in one format. Writers read only the report; they never ask the host. */
public interface ReportWriter {

  /** The {@code --format} value. */
  String name();

  String fileExtension();

  void write(Report report, Writer out, RenderOptions options) throws IOException;
}

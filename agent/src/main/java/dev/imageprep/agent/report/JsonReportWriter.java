package dev.imageprep.agent.report;

import dev.imageprep.agent.json.ReportJson;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.io.Writer;

/** The versioned JSON contract, {@code imageprep/report/v2}, validated by the schema in the repository. */
public final class JsonReportWriter implements ReportWriter {

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String fileExtension() {
    return "json";
  }

  @Override
  public void write(Report report, Writer out, RenderOptions options) throws IOException {
    ReportJson.write(report, out);
    out.write("\n");
    out.flush();
  }
}

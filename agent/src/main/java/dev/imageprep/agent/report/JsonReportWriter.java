package dev.imageprep.agent.report;

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
    ReportJson.mapper().writeValue(new NonClosingWriter(out), report);
    out.write("\n");
    out.flush();
  }

  /** Jackson closes the writer it is given; the caller owns stdout. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

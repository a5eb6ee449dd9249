package dev.imageprep.agent.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.imageprep.rules.model.Report;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reports as JSON, written and read the one way, so every writer, reader and test agrees on the shape. */
public final class ReportJson {

  /** The report schemas {@link #read} accepts: v2 is v1 with more values and fields, so v1 reads as v2. */
  public static final Set<String> READABLE = Set.of("imageprep/report/v1", Report.SCHEMA);

  private ReportJson() {}

  /** The shared mapper, for tests that inspect the JSON tree; main code calls the methods here and in {@link Json}. */
  public static ObjectMapper mapper() {
    return Json.MAPPER;
  }

  /** Writes {@code report} to {@code out} without closing it: the caller owns stdout. */
  public static void write(Report report, Writer out) throws IOException {
    Json.MAPPER.writeValue(new NonClosingWriter(out), report);
  }

  /**
   * Writes a summarised report: {@code counts} maps an index in its cleanup list to the number of
   * paths that entry stands for, written as the entry's {@code count}.
   */
  public static void write(Report report, Map<Integer, Long> counts, Writer out) throws IOException {
    ObjectNode tree = Json.MAPPER.valueToTree(report);
    ArrayNode cleanup = (ArrayNode) tree.get("cleanup");
    counts.forEach((i, n) -> ((ObjectNode) cleanup.get(i)).put("count", n));
    Json.MAPPER.writeValue(new NonClosingWriter(out), tree);
  }

  /**
   * Reads a report that {@code --format json} wrote, v1 or v2, as a v2 report.
   *
   * @throws IOException when the text is not JSON or not an imageprep report (the message says where)
   */
  public static Report read(String json) throws IOException {
    JsonNode tree = Json.MAPPER.readTree(json);
    String schema = tree == null ? "" : tree.path("schema").asText("");
    if (!READABLE.contains(schema)) {
      throw new IOException("not an imageprep report (\"schema\" is " + (schema.isEmpty() ? "missing"
          : "\"" + schema + "\"") + "; expected one of " + String.join(", ", new TreeSet<>(READABLE)) + ")");
    }
    Report r = Json.MAPPER.treeToValue(tree, Report.class);
    // what is read is written again as v2: v1's fields mean the same there, v2's are worked out
    return new Report(Report.SCHEMA, r.tool(), r.command(), r.startedAt(), r.finishedAt(), r.host(), r.ready(),
        r.verdict(), r.failOn(), r.summary(), r.notes(), r.checks(), r.preflight(), r.cleanup());
  }

  /** Jackson closes the writer it is given. */
  private static final class NonClosingWriter extends FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

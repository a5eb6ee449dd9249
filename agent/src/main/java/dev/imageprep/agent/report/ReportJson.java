package dev.imageprep.agent.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.util.Set;

/** The one JSON mapper for reports, so every writer, reader and test agrees on the shape. */
public final class ReportJson {

  /** The report schemas {@link #read} accepts: v2 is v1 with more values and fields, so v1 reads as v2. */
  public static final Set<String> READABLE = Set.of("imageprep/report/v1", Report.SCHEMA);

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("imageprep-report").addDeserializer(ImagePath.class, new ImagePathReader()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      // consumers ignore fields they do not know (the schema's promise), and so does imageprep
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  static {
    MAPPER.getFactory().setCharacterEscapes(new JsonEscapes());
  }

  private static final ObjectWriter LINES = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** One value on one line, with the report's escapes: for JSON-lines files such as the journal. */
  public static String line(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
    return LINES.writeValueAsString(value);
  }

  /**
   * Reads a report that {@code --format json} wrote, v1 or v2, as a v2 report.
   *
   * @throws IOException when the text is not JSON or not an imageprep report (the message says where)
   */
  public static Report read(String json) throws IOException {
    var tree = MAPPER.readTree(json);
    String schema = tree == null ? "" : tree.path("schema").asText("");
    if (!READABLE.contains(schema)) {
      throw new IOException("not an imageprep report (\"schema\" is " + (schema.isEmpty() ? "missing"
          : "\"" + schema + "\"") + "; expected one of " + String.join(", ", new java.util.TreeSet<>(READABLE)) + ")");
    }
    Report r = MAPPER.treeToValue(tree, Report.class);
    // what is read is written again as v2: v1's fields mean the same there, v2's are worked out
    return new Report(Report.SCHEMA, r.tool(), r.command(), r.startedAt(), r.finishedAt(), r.host(), r.ready(),
        r.verdict(), r.failOn(), r.summary(), r.notes(), r.checks(), r.preflight(), r.cleanup());
  }

  private static final class ImagePathReader extends JsonDeserializer<ImagePath> {
    @Override
    public ImagePath deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      try {
        return ImagePath.of(p.getValueAsString());
      } catch (IllegalArgumentException e) {
        return (ImagePath) ctx.handleWeirdStringValue(ImagePath.class, p.getValueAsString(), e.getMessage());
      }
    }
  }
}

package dev.imageprep.agent.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapper for reports, so every writer and test agrees on the shape. */
public final class ReportJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
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
}

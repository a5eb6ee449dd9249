package dev.imageprep.agent.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;

/**
 * JSON text for every output imageprep writes, through one configured mapper: ISO-8601 instants,
 * two-space indentation, the rules types' shapes ({@link ReportMixIns}), and unknown fields ignored
 * on reading (the schema's promise to consumers, kept by imageprep too).
 */
public final class Json {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(ReportMixIns.module())
      .addModule(new SimpleModule("imageprep-paths").addDeserializer(ImagePath.class, new ImagePathReader()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  static {
    // control characters, separators and lone surrogates as \\uXXXX: see JsonEscapes
    MAPPER.getFactory().setCharacterEscapes(new JsonEscapes());
  }

  private Json() {}

  /** Indented JSON of an in-memory value (a report, a manifest, plain maps and lists). */
  public static String pretty(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON of " + value.getClass().getSimpleName(), e);
    }
  }

  /** The same JSON on one line, for a journal line or a value inside text output. */
  public static String compact(Object value) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON of " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Reads JSON text into {@code type}.
   *
   * @throws IOException when the text is not JSON or does not fit the type
   */
  public static <T> T read(String json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
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

package dev.imageprep.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The report's JSON Schema, judged by a third-party validator (networknt, draft 2020-12, formats
 * asserted), so our own serializer is never the only judge of our own contract.
 */
public final class SchemaValidator {

  public static final String RESOURCE = "/dev/imageprep/rules/report.schema.json";

  /** v1 of the report schema, kept in the repository for reports written before v2. */
  public static final java.nio.file.Path REPORT_V1 = java.nio.file.Path.of("..", "schema", "report-v1.schema.json");

  /** The version file's schema, published in the repository (relative to the agent module). */
  public static final java.nio.file.Path IMAGE_VERSION = java.nio.file.Path.of("..", "schema",
      "image-version-v1.schema.json");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = load(SchemaValidator.class.getResourceAsStream(RESOURCE));

  private SchemaValidator() {}

  private static JsonSchema load(InputStream in) {
    try (in) {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report schema's complaints about a JSON text; empty when it is valid. */
  public static List<String> problems(String json) {
    return problems(SCHEMA, json);
  }

  /** The version-file schema's complaints about a JSON text; empty when it is valid. */
  public static List<String> imageVersionProblems(String json) {
    return problems(json, IMAGE_VERSION);
  }

  /** The complaints of a schema in the repository about a JSON text; empty when it is valid. */
  public static List<String> problems(String json, java.nio.file.Path schema) {
    try {
      return problems(load(java.nio.file.Files.newInputStream(schema)), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> problems(JsonSchema schema, String json) {
    try {
      JsonNode node = JSON.readTree(json);
      Set<ValidationMessage> messages = schema.validate(node);
      return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }
}

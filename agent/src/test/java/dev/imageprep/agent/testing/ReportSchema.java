package dev.imageprep.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.imageprep.agent.json.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates report JSON against the committed schema with a third-party validator. */
public final class ReportSchema {

  private static final JsonSchema SCHEMA = load();

  private ReportSchema() {}

  private static JsonSchema load() {
    try (InputStream in = ReportSchema.class.getResourceAsStream("/dev/imageprep/rules/report.schema.json")) {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the JSON, asserts it validates, and returns it for further assertions. */
  public static JsonNode validated(String json) {
    JsonNode node;
    try {
      node = ReportJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
    }
    Set<ValidationMessage> errors = SCHEMA.validate(node);
    assertThat(errors).as("schema violations in\n" + json).isEmpty();
    return node;
  }
}

package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.AgentException;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep schema}: the JSON Schema of the report. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Print the JSON Schema (draft 2020-12) of the JSON report, imageprep/report/v2.")
public final class SchemaCommand implements Callable<Integer> {

  /** Where the schema lives in the jar; the same file is committed under schema/ in the repository. */
  public static final String RESOURCE = "/dev/imageprep/rules/report.schema.json";

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new AgentException(ExitCode.INCOMPLETE, "the report schema is missing from this build");
      }
      spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK.code();
  }
}

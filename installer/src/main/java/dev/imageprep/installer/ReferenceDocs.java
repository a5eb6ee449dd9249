package dev.imageprep.installer;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.cli.CommandContext;
import dev.imageprep.agent.cli.CommandLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the reference documents the packages ship, straight from the command model so they cannot
 * drift from the code: one AsciiDoc man page per command (asciidoctor turns them into troff) and the
 * bash completion script.
 *
 * <pre>java -cp ... dev.imageprep.installer.ReferenceDocs MAN_ADOC_DIR COMPLETION_FILE</pre>
 */
public final class ReferenceDocs {

  private ReferenceDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ReferenceDocs MAN_ADOC_DIR COMPLETION_FILE");
      System.exit(2);
    }
    CommandLine commands = CommandLines.newCommandLine(CommandContext.standard(AgentEnvironment.system()));
    Path manDir = Files.createDirectories(Path.of(args[0]));
    int rc = ManPageGenerator.generateManPage(manDir.toFile(), null, new boolean[0], true, commands.getCommandSpec());
    if (rc != 0) {
      System.exit(rc);
    }
    Path completion = Path.of(args[1]);
    Files.createDirectories(completion.toAbsolutePath().getParent());
    Files.writeString(completion, AutoComplete.bash("imageprep", commands), StandardCharsets.UTF_8);
  }
}

package dev.imageprep.agent.cli;

import dev.imageprep.rules.host.Severity;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** What makes the verdict NOT READY. */
public final class VerdictOptions {

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error", converter = FailOn.class,
      completionCandidates = FailOn.class,
      description = "The least severity whose failed or unknown rule makes the image NOT READY (exit 1):"
          + " ${COMPLETION-CANDIDATES}. warning lets a pipeline fail the build on warnings. Default: ${DEFAULT-VALUE}.")
  Severity failOn = Severity.ERROR;

  /** error or warning: info rules only ever inform. */
  static final class FailOn implements ITypeConverter<Severity>, Iterable<String> {
    private static final List<String> NAMES = List.of(Severity.ERROR.key(), Severity.WARNING.key());

    @Override
    public Severity convert(String value) {
      if (!NAMES.contains(value)) {
        throw new TypeConversionException("expected " + String.join(" or ", NAMES) + ", not '" + value + "'");
      }
      return Severity.ofKey(value);
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return NAMES.iterator();
    }
  }
}

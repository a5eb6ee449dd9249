package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.model.Evidence;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** At least one of several files exists and (when a pattern is given) contains a matching line. */
public final class FileMatchesCheck extends CheckTypeBase<FileMatchesCheck.Params> {

  public record Params(List<Alternative> anyOf) {
    public Params {
      anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }
  }

  /** @param pattern a regular expression matched against each line; null means the file's existence suffices */
  public record Alternative(String file, String pattern) {}

  public FileMatchesCheck() {
    super("file-matches", "One of several files exists and has a line matching its pattern", Params.class);
  }

  @Override
  public void validate(Params p) {
    if (p.anyOf().isEmpty()) {
      throw new IllegalArgumentException("any-of must list at least one file");
    }
    for (Alternative a : p.anyOf()) {
      if (a.file() == null) {
        throw new IllegalArgumentException("every alternative needs a file");
      }
      ImagePath.of(a.file());
      if (a.pattern() != null) {
        try {
          Pattern.compile(a.pattern());
        } catch (PatternSyntaxException e) {
          throw new IllegalArgumentException("bad pattern for " + a.file() + ": " + e.getDescription());
        }
      }
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Judgement judgement = new Judgement();
    for (Alternative a : p.anyOf()) {
      Fact<Optional<String>> text = context.host().files().readText(ImagePath.of(a.file()), 1 << 20);
      if (!judgement.sees(a.file(), text)) {
        continue;
      }
      if (text.value().isEmpty()) {
        judgement.saw(Evidence.atPath(a.file(), "absent", "does not exist"));
        continue;
      }
      if (a.pattern() == null) {
        return Outcome.pass(a.file() + " exists", List.of(Evidence.atPath(a.file(), "present", "exists")));
      }
      Matcher m = Pattern.compile(a.pattern(), Pattern.MULTILINE).matcher(text.value().get());
      if (m.find()) {
        int line = 1 + (int) text.value().get().substring(0, m.start()).chars().filter(c -> c == '\n').count();
        return Outcome.pass(a.file() + " line " + line + " matches",
            List.of(new Evidence(a.file(), line, "match", m.group().strip(), null)));
      }
      judgement.saw(Evidence.atPath(a.file(), "no-match", "no line matches " + a.pattern()));
    }
    return judgement.noneSatisfied(unseen -> "could not read: " + String.join("; ", unseen),
        () -> "none of the expected settings found");
  }
}

package dev.imageprep.rules.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog that failed to load or validate; every problem names its file, line and column. */
public final class CatalogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<CatalogProblem> problems;

  public CatalogException(List<CatalogProblem> problems) {
    super(problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public CatalogException(CatalogProblem problem) {
    this(List.of(problem));
  }

  public List<CatalogProblem> problems() {
    return problems;
  }
}

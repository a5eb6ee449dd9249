package dev.imageprep.rules.catalog;

/**
 * One thing wrong with a catalog file, located the way editors and compilers locate errors.
 *
 * @param file the file as the user named it (or the bundled resource)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record CatalogProblem(String file, int line, int column, String message) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }
}

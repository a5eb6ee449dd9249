package dev.imageprep.rules.check;

/**
 * A kind of check: the Java that judges facts. Catalog entries name a type ({@code type: key}) and
 * give its parameters ({@code with:}), which bind to {@link #paramsType()}; an unknown parameter or
 * a wrong type is a catalog error. A check asks {@link CheckContext#host()} for facts and never
 * reads the host itself.
 *
 * @param <P> the typed parameters, a record
 */
public interface CheckType<P> {

  /** The catalog's name for this type, kebab-case. */
  String key();

  /** One line saying what the type checks, for {@code rules show}. */
  String summary();

  Class<P> paramsType();

  /**
   * Checks the parameters beyond their types (ranges, non-empty lists).
   *
   * @throws IllegalArgumentException with a message for the catalog error
   */
  default void validate(P params) {}

  /**
   * True when a failure of this type is about files being present, so that the cleanup plan
   * removing every file named in the evidence resolves it.
   */
  default boolean resolvableByCleanup() {
    return false;
  }

  Outcome evaluate(P params, CheckContext context);
}

package dev.imageprep.rules.check;

/**
 * A check type's metadata, declared once in its constructor: {@code super("packages-absent", "None
 * of the named packages is installed", Params.class)}. The class then holds only what it judges.
 *
 * @param <P> the typed parameters, a record
 */
public abstract class CheckTypeBase<P> implements CheckType<P> {

  private final String key;
  private final String summary;
  private final Class<P> paramsType;

  protected CheckTypeBase(String key, String summary, Class<P> paramsType) {
    this.key = key;
    this.summary = summary;
    this.paramsType = paramsType;
  }

  @Override
  public final String key() {
    return key;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public final Class<P> paramsType() {
    return paramsType;
  }
}

package dev.imageprep.rules.catalog;

import dev.imageprep.rules.check.CheckType;

/** Binds a rule's {@code with:} block to its check type's parameter record and validates it. */
final class ParamsBinder {

  private ParamsBinder() {}

  /**
   * @param with the {@code with:} node, or null when the entry has none
   * @param entry the rule entry, where errors point when there is no {@code with:}
   */
  static <P> BoundCheck<P> bind(CheckType<P> type, YamlNode with, YamlNode entry) {
    YamlNode where = with == null ? entry : with;
    if (with != null && !with.isNull() && !with.isMapping()) {
      throw with.error("'with' must be a mapping of parameters for type " + type.key());
    }
    P params = new RecordBinder(type.key()).bindRecord(type.paramsType(), with, where);
    try {
      type.validate(params);
    } catch (IllegalArgumentException e) {
      throw where.error(type.key() + ": " + e.getMessage());
    }
    return new BoundCheck<>(type, params);
  }
}

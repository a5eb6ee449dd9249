package dev.imageprep.rules.catalog;

import dev.imageprep.rules.check.CheckContext;
import dev.imageprep.rules.check.CheckType;
import dev.imageprep.rules.check.Outcome;

/** A check type together with the parameters a catalog entry gave it, already validated. */
public record BoundCheck<P>(CheckType<P> type, P params) {

  public Outcome evaluate(CheckContext context) {
    return type.evaluate(params, context);
  }
}

package dev.imageprep.rules.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "packages a, b; units c" — what a component check looked for, for its evidence. */
final class LookedFor {

  private final Map<String, List<String>> kinds = new LinkedHashMap<>();

  LookedFor add(String kind, List<String> names) {
    if (!names.isEmpty()) {
      kinds.put(kind, names);
    }
    return this;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    kinds.forEach((kind, names) -> parts.add(kind + " " + String.join(", ", names)));
    return String.join("; ", parts);
  }
}

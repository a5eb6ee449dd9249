package dev.imageprep.rules.select;

import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.cleanup.CleanupEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rules and cleanup items a run uses. Rule and cleanup ids share one namespace per profile.
 *
 * <ul>
 *   <li>no {@code --only}: every rule, and the cleanup items that are on by default plus those named
 *       with {@code --enable};
 *   <li>{@code --only}: exactly the named rules and cleanup items (a cleanup item that is off by
 *       default runs when named);
 *   <li>{@code --skip} removes ids from either set.
 * </ul>
 */
public record Selection(Set<String> only, Set<String> skip, Set<String> enable) {

  public Selection {
    only = Set.copyOf(only);
    skip = Set.copyOf(skip);
    enable = Set.copyOf(enable);
  }

  public static Selection defaults() {
    return new Selection(Set.of(), Set.of(), Set.of());
  }

  /** Ids the profile does not know, in the order they were given; a caller reports them as usage errors. */
  public List<String> unknownIds(Profile profile) {
    Set<String> unknown = new LinkedHashSet<>();
    for (Set<String> ids : List.of(only, skip, enable)) {
      for (String id : ids) {
        if (!profile.knows(id)) {
          unknown.add(id);
        }
      }
    }
    return new ArrayList<>(unknown);
  }

  public List<RuleEntry> rules(Profile profile) {
    List<RuleEntry> out = new ArrayList<>();
    for (RuleEntry r : profile.rules()) {
      if ((only.isEmpty() || only.contains(r.id())) && !skip.contains(r.id())) {
        out.add(r);
      }
    }
    return out;
  }

  public List<CleanupEntry> cleanup(Profile profile) {
    List<CleanupEntry> out = new ArrayList<>();
    for (CleanupEntry c : profile.cleanup()) {
      boolean chosen = only.isEmpty() ? c.enabledByDefault() || enable.contains(c.id()) : only.contains(c.id());
      if (chosen && !skip.contains(c.id())) {
        out.add(c);
      }
    }
    return out;
  }
}

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

  /**
   * Ids in {@code --only} and {@code --enable} the profile does not know, in the order they were
   * given: asking to run something that is not there is a usage error.
   */
  public List<String> unknownChosenIds(Profile profile) {
    Set<String> unknown = new LinkedHashSet<>();
    for (Set<String> ids : List.of(only, enable)) {
      for (String id : ids) {
        if (!profile.knows(id)) {
          unknown.add(id);
        }
      }
    }
    return new ArrayList<>(unknown);
  }

  /**
   * Ids in {@code --skip} the profile does not know: only a warning, so that one skip list serves
   * several profiles.
   */
  public List<String> unknownSkippedIds(Profile profile) {
    return skip.stream().filter(id -> !profile.knows(id)).sorted().toList();
  }

  /**
   * The cleanup items {@code prepare} would run on this profile with the same {@code --skip} and
   * {@code --enable}, whatever {@code --only} picks: what decides whether a finding is resolved by the
   * cleanup, so that narrowing a check to one rule does not change its verdict.
   */
  public List<CleanupEntry> profileCleanup(Profile profile) {
    return new Selection(Set.of(), skip, enable).cleanup(profile);
  }

  /** True when {@code --only} narrows this run, so the profile's cleanup differs from the selected one. */
  public boolean narrowed() {
    return !only.isEmpty();
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

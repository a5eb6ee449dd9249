package dev.imageprep.rules.select;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the known names closest to a mistyped one, by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours, as a typing hand makes them).
 */
public final class NearestNames {

  private NearestNames() {}

  /**
   * The known names within a third of the typed name's length of edits (at least 1, at most 3), the
   * closest first; empty when nothing is close enough to be a likely typo.
   */
  public static List<String> near(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, t.length() / 3));
    return known.stream()
        .filter(k -> distance(t, k.toLowerCase(Locale.ROOT)) <= limit)
        .sorted(Comparator.comparingInt((String k) -> distance(t, k.toLowerCase(Locale.ROOT))).thenComparing(k -> k))
        .limit(3)
        .toList();
  }

  /** {@code "; did you mean a or b?"}, or nothing, to follow the sentence that names the typo. */
  public static String suggestion(String typed, Collection<String> known) {
    List<String> near = near(typed, known);
    return near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?";
  }

  /** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

package dev.imageprep.agent.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Aho–Corasick over bytes, ASCII case-insensitive: one pass over a file finds every occurrence of
 * every detector keyword, so detectors (and their regular expressions) run only where a keyword is.
 * The automaton is compiled into a full transition table (states × 256), so the inner loop is one
 * array read per byte with no failure-link chasing.
 */
final class KeywordMatcher {

  /** Receives each keyword occurrence, in order of its end offset. */
  @FunctionalInterface
  interface Hits {
    void hit(int keyword, int start, int end);
  }

  private final int[] next; // state * 256 + byte -> state * 256
  private final int[][] outputs; // state -> keyword indices ending there (failure links folded in)
  private final int[] lengths;

  KeywordMatcher(List<String> keywords) {
    lengths = new int[keywords.size()];
    List<int[]> trie = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    trie.add(newRow());
    out.add(new ArrayList<>());
    for (int k = 0; k < keywords.size(); k++) {
      byte[] word = keywords.get(k).toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      if (word.length == 0) {
        throw new IllegalArgumentException("empty keyword");
      }
      lengths[k] = word.length;
      int s = 0;
      for (byte b : word) {
        int c = b & 0xff;
        if (trie.get(s)[c] < 0) {
          trie.get(s)[c] = trie.size();
          trie.add(newRow());
          out.add(new ArrayList<>());
        }
        s = trie.get(s)[c];
      }
      out.get(s).add(k);
    }
    int states = trie.size();
    int[] fail = new int[states];
    next = new int[states * 256];
    Deque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < 256; c++) {
      int t = trie.get(0)[c];
      if (t < 0) {
        next[c] = 0;
      } else {
        next[c] = t * 256;
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int c = 0; c < 256; c++) {
        int t = trie.get(s)[c];
        if (t < 0) {
          next[s * 256 + c] = next[fail[s] * 256 + c];
        } else {
          next[s * 256 + c] = t * 256;
          fail[t] = next[fail[s] * 256 + c] / 256;
          queue.add(t);
        }
      }
    }
    // upper-case letters move like their lower-case twins
    for (int s = 0; s < states; s++) {
      for (int c = 'A'; c <= 'Z'; c++) {
        next[s * 256 + c] = next[s * 256 + c + 32];
      }
    }
    outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      outputs[s] = out.get(s).isEmpty() ? null : out.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static int[] newRow() {
    int[] row = new int[256];
    Arrays.fill(row, -1);
    return row;
  }

  /** Reports every keyword occurrence in {@code data[0, length)}. */
  void scan(byte[] data, int length, Hits hits) {
    int[] table = next;
    int state = 0;
    for (int i = 0; i < length; i++) {
      state = table[state + (data[i] & 0xff)];
      int[] found = outputs[state >> 8];
      if (found != null) {
        for (int k : found) {
          hits.hit(k, i + 1 - lengths[k], i + 1);
        }
      }
    }
  }
}

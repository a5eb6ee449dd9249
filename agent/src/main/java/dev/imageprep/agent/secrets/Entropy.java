package dev.imageprep.agent.secrets;

/** Shannon entropy in bits per character: random tokens score high, words and repeated text low. */
final class Entropy {

  private Entropy() {}

  static double of(CharSequence s) {
    if (s.length() == 0) {
      return 0;
    }
    int[] counts = new int[256];
    for (int i = 0; i < s.length(); i++) {
      counts[s.charAt(i) & 0xff]++;
    }
    double bits = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / s.length();
        bits -= p * (Math.log(p) / Math.log(2));
      }
    }
    return bits;
  }
}

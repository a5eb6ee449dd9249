package dev.imageprep.agent.probe.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Marvin32, the 64-bit keyed hash Windows uses in several places, here to check the two hashes of a
 * registry transaction log entry. Written from the public description of the algorithm (the state is
 * two 32-bit halves of the seed; each little-endian 32-bit word is added to the low half and mixed
 * by add-rotate-xor steps; the tail is padded with 0x80 and mixed twice).
 */
final class Marvin32 {

  /**
   * The seed of log entry hashes, the specification's bytes "82 EF 4D 88 7A 4E 55 C5" read as one
   * number; the hashes in logs that Windows wrote match it (and not the byte-swapped reading).
   */
  static final long REGISTRY_SEED = 0x82EF4D887A4E55C5L;

  private Marvin32() {}

  /** The hash of {@code length} bytes of {@code data} from absolute position {@code offset}. */
  static long hash(ByteBuffer data, int offset, int length, long seed) {
    ByteBuffer le = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long state = seed;
    int i = 0;
    for (; i + 4 <= length; i += 4) {
      state = mix(state, le.getInt(offset + i));
    }
    int last = 0x80;
    for (int k = length - i - 1; k >= 0; k--) {
      last = (last << 8) | (le.get(offset + i + k) & 0xFF);
    }
    return mix(mix(state, last), 0);
  }

  /** Adds a word to the low half, then one round of add-rotate-xor; the state is hi:lo. */
  private static long mix(long state, int word) {
    int lo = (int) state + word;
    int hi = (int) (state >>> 32);
    hi ^= lo;
    lo = Integer.rotateLeft(lo, 20) + hi;
    hi = Integer.rotateLeft(hi, 9) ^ lo;
    lo = Integer.rotateLeft(lo, 27) + hi;
    hi = Integer.rotateLeft(hi, 19);
    return ((long) hi << 32) | (lo & 0xFFFFFFFFL);
  }

  static long hash(byte[] data, long seed) {
    return hash(ByteBuffer.wrap(data), 0, data.length, seed);
  }
}

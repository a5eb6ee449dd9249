package dev.imageprep.installer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The symbol versions a 64-bit little-endian ELF file needs from each shared library, read from its
 * version-needed section ({@code SHT_GNU_verneed}: what the dynamic loader checks before the program
 * runs, and what {@code objdump -p} prints as "Version References"). Read here rather than with
 * binutils so that the portability tests do not share a tool with the build they judge.
 */
record ElfVersionNeeds(boolean x86_64, TreeMap<String, TreeSet<String>> byLibrary) {

  private static final int SHT_GNU_VERNEED = 0x6ffffffe;
  private static final int EM_X86_64 = 62;

  /** Orders {@code 2.17} before {@code 2.2.5} the way glibc numbers its releases. */
  static final Comparator<String> VERSION_ORDER = (a, b) -> {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  };

  static boolean isElf(byte[] bytes) {
    return bytes.length >= 64 && bytes[0] == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
  }

  /** Reads {@code bytes}, an ELF file; throws if it is an x86-64 one this reader cannot judge (fail closed). */
  static ElfVersionNeeds read(byte[] bytes, String name) {
    if (!isElf(bytes)) {
      throw new IllegalArgumentException(name + ": not an ELF file");
    }
    if (bytes[4] != 2 || bytes[5] != 1) { // every x86-64 file is 64-bit little-endian; this is another machine's
      return new ElfVersionNeeds(false, new TreeMap<>());
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    boolean x86 = Short.toUnsignedInt(b.getShort(0x12)) == EM_X86_64;
    int shoff = Math.toIntExact(b.getLong(0x28));
    int shentsize = Short.toUnsignedInt(b.getShort(0x3a));
    int shnum = Short.toUnsignedInt(b.getShort(0x3c));
    if (shnum == 0) {
      throw new IllegalArgumentException(name + ": no section headers to read the version needs from");
    }
    TreeMap<String, TreeSet<String>> needs = new TreeMap<>();
    for (int i = 0; i < shnum; i++) {
      int sh = shoff + i * shentsize;
      if (b.getInt(sh + 4) != SHT_GNU_VERNEED) {
        continue;
      }
      int offset = Math.toIntExact(b.getLong(sh + 24));
      int strings = Math.toIntExact(b.getLong(shoff + b.getInt(sh + 40) * shentsize + 24));
      int count = b.getInt(sh + 44);
      int vn = offset;
      for (int n = 0; n < count; n++) {
        String file = string(bytes, strings + b.getInt(vn + 4));
        int aux = vn + b.getInt(vn + 8);
        for (int a = 0; a < Short.toUnsignedInt(b.getShort(vn + 2)); a++) {
          needs.computeIfAbsent(file, k -> new TreeSet<>()).add(string(bytes, strings + b.getInt(aux + 8)));
          aux += b.getInt(aux + 12);
        }
        vn += b.getInt(vn + 12);
      }
    }
    return new ElfVersionNeeds(x86, needs);
  }

  /** The highest {@code GLIBC_x.y} version needed from any library, without the prefix. */
  Optional<String> highestGlibc() {
    List<String> versions = new ArrayList<>();
    byLibrary.values().forEach(set -> set.stream().filter(v -> v.matches("GLIBC_\\d+(\\.\\d+)*"))
        .forEach(v -> versions.add(v.substring("GLIBC_".length()))));
    return versions.stream().max(VERSION_ORDER);
  }

  /** Linked against glibc: needs versions from {@code libc.so.6} (BSD and Solaris builds are not). */
  boolean usesGlibc() {
    return byLibrary.containsKey("libc.so.6");
  }

  private static String string(byte[] bytes, int at) {
    int end = at;
    while (bytes[end] != 0) {
      end++;
    }
    return new String(bytes, at, end - at, StandardCharsets.US_ASCII);
  }
}

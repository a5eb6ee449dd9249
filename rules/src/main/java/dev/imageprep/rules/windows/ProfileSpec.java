package dev.imageprep.rules.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the customized user profile of a WorkSpaces image lives and what Create Image leaves out of
 * it, as the WorkSpaces guide ("Create a custom WorkSpaces image and bundle") states it: Windows 7
 * and Server 2008 R2 keep it in {@code D:\Users\<user>}, Windows 10 and Server 2016 in
 * {@code C:\Users\Default}.
 *
 * @param path the profile folder on current Windows versions
 * @param legacyPath the profile folder on versions before {@code legacyBefore}; a {@code *} as the
 *     last component stands for the user's name
 * @param legacyBefore the first Windows version ({@code major.minor}) that uses {@code path}
 * @param excluded folders inside the profile that the image does not include, relative to it, in
 *     the guide's spelling ({@code appdata\local\temp}); compared without regard to case
 */
public record ProfileSpec(String path, String legacyPath, String legacyBefore, List<String> excluded) {

  public ProfileSpec {
    path = path == null ? "C:\\Users\\Default" : path;
    legacyPath = legacyPath == null ? "D:\\Users\\*" : legacyPath;
    legacyBefore = legacyBefore == null ? "10.0" : legacyBefore;
    excluded = excluded == null ? List.of() : List.copyOf(excluded);
  }

  /** Checks the values a catalog gave. */
  public void validate() {
    for (String p : List.of(path, legacyPath.replace("*", "x"))) {
      if (WindowsPath.parse(p).isEmpty()) {
        throw new IllegalArgumentException("not an absolute Windows path: " + p);
      }
    }
    if (!legacyBefore.matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException("legacy-before must be a version like 10.0, got " + legacyBefore);
    }
    for (String e : excluded) {
      if (normalize(e).isEmpty() || normalize(e).contains("..")) {
        throw new IllegalArgumentException("excluded folders are relative paths inside the profile: '" + e + "'");
      }
    }
  }

  /** The excluded folders as lower-case {@code /}-separated relative paths. */
  public List<String> normalizedExclusions() {
    List<String> out = new ArrayList<>();
    excluded.forEach(e -> out.add(normalize(e)));
    return out;
  }

  static String normalize(String relative) {
    String s = relative.replace('\\', '/').strip().toLowerCase(Locale.ROOT);
    while (s.startsWith("/")) {
      s = s.substring(1);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}

package dev.imageprep.agent.probe.windows;

/**
 * Paths for Win32 calls in their extended-length form, which is not limited to MAX_PATH (260)
 * characters and is not normalized again by Windows: {@code C:\x} becomes {@code \\?\C:\x}, {@code
 * \\server\share\x} becomes {@code \\?\UNC\server\share\x}. Source: "Maximum Path Length Limitation"
 * and "Naming Files, Paths, and Namespaces" (Win32 docs). The JDK does the same for its own calls
 * ({@code WindowsPath.addPrefixIfNeeded}).
 */
final class ExtendedPaths {

  private ExtendedPaths() {}

  static String of(java.nio.file.Path path) {
    return of(path.toAbsolutePath().toString());
  }

  static String of(String absolute) {
    if (absolute.startsWith("\\\\?\\") || absolute.startsWith("\\\\.\\")) {
      return absolute;
    }
    if (absolute.startsWith("\\\\")) {
      return "\\\\?\\UNC\\" + absolute.substring(2);
    }
    if (absolute.length() >= 3 && absolute.charAt(1) == ':' && absolute.charAt(2) == '\\') {
      return "\\\\?\\" + absolute;
    }
    throw new IllegalArgumentException("not an absolute Windows path: " + absolute);
  }
}

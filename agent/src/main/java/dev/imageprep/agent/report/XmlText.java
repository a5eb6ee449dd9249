package dev.imageprep.agent.report;

/** Text made safe for XML 1.0, which cannot carry most control characters even escaped. */
final class XmlText {

  private XmlText() {}

  /**
   * Shows control characters and a name's raw bytes as {@link TerminalText} escapes (as every
   * output does), then replaces whatever XML 1.0 still forbids with U+FFFD.
   */
  static String clean(String s) {
    return xmlSafe(TerminalText.escape(s));
  }

  /** Replaces every character XML 1.0 forbids (NUL, most C0 controls, lone surrogates) with U+FFFD. */
  static String xmlSafe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (sb != null) {
          sb.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null) {
        sb.append(ok ? c : '\uFFFD');
      }
    }
    return sb == null ? s : sb.toString();
  }
}

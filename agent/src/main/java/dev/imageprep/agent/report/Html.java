package dev.imageprep.agent.report;

/** Escaping for HTML text and attribute values: the one way a report value enters the page. */
final class Html {

  private Html() {}

  /** Escapes {@code & < > " '}; characters HTML cannot carry become U+FFFD. */
  static String esc(Object value) {
    String s = XmlText.clean(String.valueOf(value));
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}

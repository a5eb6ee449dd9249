package dev.imageprep.rules.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges a catalog {@code source:}: users read it in every report, so each of its citations must be
 * something they can look up (a public URL, tool or project), never a file of this project.
 */
final class PublicCitation {

  private static final Pattern URL = Pattern.compile("https://\\S+");
  /** The project's private notes and source tree, and bare Markdown file names (project pages). */
  private static final Pattern PRIVATE = Pattern.compile(
      "seeds/|shared/|research/|\\.\\./|src/(main|test)/"
          + "|(?<![\\w/.-])(rules|agent|installer|docs|testing|bench|\\.ci)/|\\b[\\w-]+\\.md\\b");
  /** A GitHub reference such as {@code chef/bento} or {@code owner/repo#759}. */
  private static final Pattern GITHUB_REF =
      Pattern.compile("(?<![\\w/.-])[A-Za-z][\\w.-]*/[A-Za-z][\\w.-]*(#\\d+)?");
  /** Public tools and documents cited by name; their pages are linked elsewhere in the catalog. */
  private static final List<String> NAMED_TOOLS = List.of("virt-sysprep", "libguestfs", "cloud-init",
      "EC2 Image Builder", "WorkSpaces Image Checker", "BYOLChecker", "Microsoft KB");
  /** Public documents with no stable URL that could be found; cited by exact title. */
  private static final List<String> UNLINKED_DOCUMENTS =
      List.of("Lab guide \"Custom AMI (Amazon Machine Image) Creation\"");

  private PublicCitation() {}

  /** Why {@code source} is not a public citation, or empty when every citation in it is one. */
  static Optional<String> problem(String source) {
    if (source == null || source.isBlank()) {
      return Optional.of("no source");
    }
    String withoutUrls = URL.matcher(source).replaceAll("URL");
    if (PRIVATE.matcher(withoutUrls).find()) {
      return Optional.of("names a file of this project");
    }
    for (String citation : citations(source)) {
      if (!recognised(citation)) {
        return Optional.of("cites neither a public URL nor a known tool or project: " + citation.strip());
      }
    }
    return Optional.empty();
  }

  private static boolean recognised(String citation) {
    return citation.contains("https://") || GITHUB_REF.matcher(citation).find()
        || NAMED_TOOLS.stream().anyMatch(citation::contains)
        || UNLINKED_DOCUMENTS.stream().anyMatch(citation::startsWith);
  }

  /** Splits on the ';' between citations, not on those inside a parenthesised section. */
  private static List<String> citations(String source) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == ';' && depth == 0) {
        parts.add(source.substring(start, i).strip());
        start = i + 1;
      }
    }
    parts.add(source.substring(start).strip());
    return parts;
  }
}

package dev.imageprep.installer;

import dev.imageprep.rules.catalog.ParityAnchors;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.cleanup.CleanupEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The parity table of docs/cleanup.md, in Markdown, generated like the catalog reference: for each
 * operation of each anchor tool (catalog/anchors.yaml), the cleanup items that cover it on each
 * profile (marked when off by default), and in the notes why a profile has none.
 */
public final class ParityTable {

  private final ParityAnchors anchors;
  private final List<Profile> profiles;

  public ParityTable(ParityAnchors anchors, List<Profile> profiles) {
    this.anchors = anchors;
    this.profiles = List.copyOf(profiles);
  }

  /** One table per tool, each after a line that cites the tool's documentation. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    for (ParityAnchors.Tool tool : anchors.tools()) {
      sb.append("### ").append(tool.name()).append("\n\n");
      sb.append("Every operation of ").append(tool.name()).append(", ").append(tool.scope()).append(" — ")
          .append(tool.source()).append(".\n\n");
      sb.append("| operation | what it removes |");
      profiles.forEach(p -> sb.append(" `").append(p.id()).append("` |"));
      sb.append(" notes |\n|---|---|");
      profiles.forEach(p -> sb.append("---|"));
      sb.append("---|\n");
      for (ParityAnchors.Operation op : tool.operations()) {
        sb.append("| `").append(op.id()).append("` | ").append(cell(op.does())).append(" |");
        List<String> notes = new ArrayList<>();
        if (!op.note().isEmpty()) {
          notes.add(sentence(op.note()));
        }
        List<String> uncovered = new ArrayList<>();
        for (Profile p : profiles) {
          String items = items(tool, op, p);
          sb.append(' ').append(items.isEmpty() ? "no" : items).append(" |");
          if (items.isEmpty()) {
            uncovered.add(p.id());
          }
        }
        notes.addAll(reasons(op, uncovered));
        sb.append(' ').append(cell(String.join(" ", notes))).append(" |\n");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Why the profiles without an item have none: one sentence when they share the reason. */
  private List<String> reasons(ParityAnchors.Operation op, List<String> uncovered) {
    List<String> out = new ArrayList<>();
    if (uncovered.isEmpty()) {
      return out;
    }
    boolean shared = uncovered.size() == profiles.size()
        && uncovered.stream().allMatch(p -> op.whyNot(p).equals(op.whyNot("*")));
    if (shared && op.whyNot("*").isPresent()) {
      out.add("Not covered: " + period(op.whyNot("*").get()));
      return out;
    }
    for (String p : uncovered) {
      op.whyNot(p).ifPresent(r -> out.add("Not on `" + p + "`: " + period(r)));
    }
    return out;
  }

  /** The items of a profile that stand for an operation ({@code `id`}, marked when off by default). */
  private static String items(ParityAnchors.Tool tool, ParityAnchors.Operation op, Profile profile) {
    List<String> items = new ArrayList<>();
    for (CleanupEntry c : profile.cleanup()) {
      if (c.anchors().contains(tool.id() + ":" + op.id())) {
        items.add("`" + c.id() + "`" + (c.enabledByDefault() ? "" : " (off)"));
      }
    }
    return String.join(", ", items);
  }

  /** Whether a profile has an item for the operation or says why not. */
  public boolean accountedFor(ParityAnchors.Tool tool, ParityAnchors.Operation op, Profile profile) {
    return !items(tool, op, profile).isEmpty() || op.whyNot(profile.id()).isPresent();
  }

  /** The items of a profile that cover an operation, as the table shows them; empty when none does. */
  public String coverage(ParityAnchors.Tool tool, ParityAnchors.Operation op, Profile profile) {
    return items(tool, op, profile);
  }

  /** A note as a sentence: capital first, full stop last. */
  private static String sentence(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return t;
    }
    return Character.toUpperCase(t.charAt(0)) + period(t.substring(1));
  }

  private static String period(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}

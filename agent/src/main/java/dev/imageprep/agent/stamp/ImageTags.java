package dev.imageprep.agent.stamp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The image's tags: the ones the Linux WorkSpaces whitepaper recommends (technical: Name, Version,
 * Software, Role, System; business: Project, Cost center, Stage; security: Confidentiality,
 * Compliance), spelled the whitepaper's way whatever the user typed ({@code cost-center},
 * {@code CostCenter}), followed by any others in the order given. Keys and values are held to EC2's
 * tag limits, so {@code --format aws-tags} is always accepted by {@code create-tags}.
 */
public final class ImageTags {

  /**
   * The recommended tags, in the order of the AWS Whitepaper "Best practices to prepare your Amazon
   * WorkSpaces for Linux images" (Example WorkSpace image and bundle tagging structures).
   */
  public static final List<String> RECOMMENDED = List.of("Name", "Version", "Software", "Role", "System", "Project",
      "Cost center", "Stage", "Confidentiality", "Compliance");

  static final int MAX_KEY = 128;
  static final int MAX_VALUE = 256;

  private ImageTags() {}

  /**
   * Orders and validates tags.
   *
   * @throws IllegalArgumentException naming the first key or value EC2 would refuse
   */
  public static Map<String, String> normalize(Map<String, String> given) {
    Map<String, String> byCanonical = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String key = canonical(e.getKey().strip());
      String value = e.getValue() == null ? "" : e.getValue().strip();
      check(key, value);
      if (byCanonical.put(key, value) != null) {
        throw new IllegalArgumentException("tag " + key + " is given twice");
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String k : RECOMMENDED) {
      if (byCanonical.containsKey(k)) {
        ordered.put(k, byCanonical.remove(k));
      }
    }
    ordered.putAll(byCanonical);
    return ordered;
  }

  /** The whitepaper's spelling of a recommended tag, or the key unchanged. */
  static String canonical(String key) {
    String folded = fold(key);
    if (folded.equals("costcenterbusinessunit") || folded.equals("businessunit")) {
      return "Cost center";
    }
    for (String k : RECOMMENDED) {
      if (fold(k).equals(folded)) {
        return k;
      }
    }
    return key;
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static void check(String key, String value) {
    if (key.isEmpty() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("tag key '" + key + "' must be 1 to " + MAX_KEY + " characters");
    }
    if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw new IllegalArgumentException("tag key '" + key + "': the aws: prefix is reserved for AWS");
    }
    if (value.length() > MAX_VALUE) {
      throw new IllegalArgumentException("tag " + key + ": the value has " + value.length()
          + " characters, EC2 allows " + MAX_VALUE);
    }
  }
}

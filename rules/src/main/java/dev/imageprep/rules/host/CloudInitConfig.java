package dev.imageprep.rules.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cloud-init's configuration as the image's cloud-init merges it: {@code /etc/cloud/cloud.cfg}, then
 * the {@code *.cfg} files of {@code /etc/cloud/cloud.cfg.d} in name order. A later file's value
 * replaces an earlier one's, lists included; mappings are merged key by key (cloud-init's
 * {@code read_conf_with_confd} and {@code mergemanydict}).
 *
 * @param files the files read, in merge order
 * @param values the merged top-level keys
 * @param setBy the file each top-level key's value comes from
 */
public record CloudInitConfig(List<ImagePath> files, Map<String, Object> values, Map<String, ImagePath> setBy) {

  public CloudInitConfig {
    files = List.copyOf(files);
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    setBy = Map.copyOf(setBy);
  }

  /** One parsed file. */
  public record Part(ImagePath file, Map<String, Object> values) {}

  /** Merges the parts in the order given, later parts winning. */
  public static CloudInitConfig merge(List<Part> parts) {
    Map<String, Object> merged = new LinkedHashMap<>();
    Map<String, ImagePath> setBy = new LinkedHashMap<>();
    List<ImagePath> files = new ArrayList<>();
    for (Part p : parts) {
      files.add(p.file());
      for (Map.Entry<String, Object> e : p.values().entrySet()) {
        merged.put(e.getKey(), mergeValue(merged.get(e.getKey()), e.getValue()));
        setBy.put(e.getKey(), p.file());
      }
    }
    return new CloudInitConfig(files, merged, setBy);
  }

  @SuppressWarnings("unchecked")
  private static Object mergeValue(Object before, Object after) {
    if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) b);
      for (Map.Entry<?, ?> e : a.entrySet()) {
        String key = String.valueOf(e.getKey());
        out.put(key, mergeValue(out.get(key), e.getValue()));
      }
      return out;
    }
    return after;
  }

  /** Whether the merged configuration sets a key at all (even to nothing). */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** A key's merged value; empty when unset or set to nothing. */
  public Optional<Object> value(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The file a key's value comes from, for evidence. */
  public String source(String key) {
    ImagePath p = setBy.get(key);
    return p == null ? "(not set)" : p.toString();
  }
}

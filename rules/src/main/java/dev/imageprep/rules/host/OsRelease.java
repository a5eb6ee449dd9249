package dev.imageprep.rules.host;

import java.util.List;

/** The image's {@code /etc/os-release} (Linux) or product name and build (Windows). */
public record OsRelease(String id, List<String> idLike, String versionId, String prettyName) {

  public OsRelease {
    idLike = List.copyOf(idLike);
  }

  /** True if the id or one of the id-like names equals {@code name}. */
  public boolean is(String name) {
    return id.equals(name) || idLike.contains(name);
  }
}

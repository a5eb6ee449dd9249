package dev.imageprep.rules.host;

import java.util.List;

/** A line of the image's {@code /etc/group}. */
public record GroupEntry(String name, int gid, List<String> members) {

  public GroupEntry {
    members = List.copyOf(members);
  }
}

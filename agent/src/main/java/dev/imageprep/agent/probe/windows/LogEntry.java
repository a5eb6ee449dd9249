package dev.imageprep.agent.probe.windows;

import java.util.List;

/**
 * What one step of recovery writes: a log entry of the new format (HvLE), or the whole dirty vector of
 * an old-format log (DIRT), which Windows applies as one.
 *
 * @param sequence the sequence number the hive has once this entry is applied
 * @param binsSize the size of the hive bins data once this entry is applied
 */
record LogEntry(int sequence, int binsSize, List<DirtyPage> pages) {

  LogEntry {
    pages = List.copyOf(pages);
  }

  /** Bytes of page data the entry carries. */
  long pageBytes() {
    long sum = 0;
    for (DirtyPage p : pages) {
      sum += p.size();
    }
    return sum;
  }
}

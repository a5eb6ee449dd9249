package dev.imageprep.agent.probe.windows;

import java.util.List;

/**
 * How a hive was read: closed cleanly, brought up to date from its transaction logs, or judged from a
 * primary file that was not closed cleanly and that no log could bring up to date.
 *
 * @param entries log entries replayed (an old-format dirty vector counts as one)
 * @param pages dirty pages written from the logs
 * @param logs the log files replayed, in order
 * @param detail one sentence for a person: what was found and done, with every log's problem
 */
record HiveState(Kind kind, int entries, int pages, List<String> logs, String detail) {

  enum Kind { CLEAN, REPLAYED, NOT_RECOVERED }

  HiveState {
    logs = List.copyOf(logs);
  }

  static HiveState clean(String name) {
    return new HiveState(Kind.CLEAN, 0, 0, List.of(), name + " was closed cleanly");
  }

  /** True unless the data may be older than what Windows would load. */
  boolean current() {
    return kind != Kind.NOT_RECOVERED;
  }
}

package dev.imageprep.agent.progress;

/**
 * Where long work (rule evaluation, secret scans, profile walks, cleanup) says how far it is. The
 * console shows it as a bar on a terminal; everywhere else it is {@link #NONE} and costs nothing.
 */
public interface Progress {

  /**
   * Starts a task.
   *
   * @param label what is being done ({@code scanning for secrets})
   * @param total units to do, or 0 or less when unknown (then a count is shown instead of a bar)
   */
  Task begin(String label, long total);

  /** One task under way; close it when it ends (the display clears its line). */
  interface Task extends AutoCloseable {

    /**
     * @param units how many more units are done
     * @param detail what is being worked on now (a path), or null to keep the last one
     */
    void advance(long units, String detail);

    @Override
    void close();
  }

  /** Shows nothing: pipes, files, {@code --quiet}, tests. */
  Progress NONE = (label, total) -> new Task() {
    @Override
    public void advance(long units, String detail) {}

    @Override
    public void close() {}
  };
}

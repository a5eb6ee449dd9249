package dev.imageprep.agent.probe.windows;

/**
 * One page of a transaction log: {@code size} bytes at {@code logPosition} in the log file that belong
 * at {@code binsOffset} in the hive bins data (file offset 4096 + binsOffset).
 */
record DirtyPage(int binsOffset, int size, int logPosition) {}

package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.json.Json;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.ImagePath;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-lines record of what a cleanup run does, written and flushed to disk as each step starts and
 * ends, so that an interrupted run can be audited and run again to completion. Removing one file or
 * link is a single system call, so those are recorded once done, in batches of up to {@link #BATCH}
 * names per line: a million files in {@code /var/tmp} make a journal of about a thousand lines and
 * as many flushes, not two million. A batch not yet written when the process dies is what the next
 * run finds already absent.
 */
public final class Journal implements Closeable {

  static final int BATCH = 1000;

  private final Path file;
  private final FileChannel channel;
  private final Clock clock;
  private final List<String> batch = new ArrayList<>();
  private String batchId;
  private ImagePath batchParent;
  private long batchBytes;

  private Journal(Path file, FileChannel channel, Clock clock) {
    this.file = file;
    this.channel = channel;
    this.clock = clock;
  }

  public static Journal open(Path file, Clock clock) throws IOException {
    java.nio.file.Files.createDirectories(file.getParent());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    return new Journal(file, ch, clock);
  }

  public Path file() {
    return file;
  }

  public void event(String event, Map<String, Object> fields) throws IOException {
    flushBatch();
    write(event, fields);
  }

  private void write(String event, Map<String, Object> fields) throws IOException {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", clock.instant().toString());
    line.put("event", event);
    line.putAll(fields);
    byte[] bytes = (Json.compact(line) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    channel.force(false);
  }

  public void step(String event, PlannedStep step) throws IOException {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", step.id());
    f.put("action", step.action().key());
    f.put("path", step.path().toString());
    f.put("type", step.type().key());
    f.put("bytes", step.bytes());
    f.put("status", step.status().key());
    if (step.reason() != null) {
      f.put("reason", step.reason());
    }
    event(event, f);
  }

  /** A file or link removed (one {@code unlinkat}), recorded with its neighbours in one line. */
  public void removed(PlannedStep step) throws IOException {
    ImagePath parent = step.path().parent();
    if (!batch.isEmpty() && (!step.id().equals(batchId) || !parent.equals(batchParent))) {
      flushBatch();
    }
    batchId = step.id();
    batchParent = parent;
    batch.add(step.path().fileName());
    batchBytes += Math.max(0, step.bytes());
    if (batch.size() >= BATCH) {
      flushBatch();
    }
  }

  private void flushBatch() throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", batchId);
    f.put("action", "remove");
    f.put("directory", batchParent.toString());
    f.put("names", List.copyOf(batch));
    f.put("bytes", batchBytes);
    f.put("status", "done");
    batch.clear();
    batchBytes = 0;
    write("removed", f);
  }

  @Override
  public void close() throws IOException {
    try {
      flushBatch();
    } finally {
      channel.close();
    }
  }
}

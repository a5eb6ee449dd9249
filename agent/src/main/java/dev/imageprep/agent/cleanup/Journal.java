package dev.imageprep.agent.cleanup;

import dev.imageprep.agent.json.Json;
import dev.imageprep.rules.cleanup.PlannedStep;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON-lines record of what a cleanup run does, written and flushed to disk as each step starts and
 * ends, so that an interrupted run can be audited and run again to completion.
 */
public final class Journal implements Closeable {

  private final Path file;
  private final FileChannel channel;
  private final Clock clock;

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

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

package dev.imageprep.agent.probe.windows;

import dev.imageprep.rules.host.RegistryValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Hive files written by {@link HiveBuilder}, for tests outside this package. */
public final class HiveTestFiles {

  /** A value under a key path (below the hive's root). */
  public record Value(String key, RegistryValue value) {}

  private HiveTestFiles() {}

  /** Writes a clean hive holding these values, in order. */
  public static Path write(Path file, List<Value> values) throws IOException {
    HiveBuilder b = new HiveBuilder();
    values.forEach(v -> b.value(v.key(), v.value()));
    return Files.write(file, b.build());
  }
}

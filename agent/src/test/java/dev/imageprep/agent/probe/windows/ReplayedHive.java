package dev.imageprep.agent.probe.windows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hive image our replay makes of a hive and its logs, written to a file for an independent
 * reader: hivex cannot apply logs itself. Runs on its own for {@code bench/registry-export.sh}:
 * {@code ReplayedHive HIVE TARGET LOG...}.
 */
public final class ReplayedHive {

  private ReplayedHive() {}

  public static void main(String[] args) {
    List<Path> logs = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      logs.add(Path.of(args[i]));
    }
    write(Path.of(args[0]), Path.of(args[1]).toAbsolutePath(), logs.toArray(Path[]::new));
  }

  public static Path write(Path hive, Path target, Path... logs) {
    try {
      List<HiveRecovery.LogFile> files = new ArrayList<>();
      for (Path log : logs) {
        files.add(new HiveRecovery.LogFile(log.getFileName().toString(), ByteBuffer.wrap(Files.readAllBytes(log))));
      }
      HiveRecovery.Result r = HiveRecovery.recover(hive.getFileName().toString(),
          ByteBuffer.wrap(Files.readAllBytes(hive)), files, List.of());
      byte[] image = new byte[r.image().capacity()];
      r.image().get(0, image);
      Files.createDirectories(target.getParent());
      return Files.write(target, image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (HiveException e) {
      throw new AssertionError(e);
    }
  }
}

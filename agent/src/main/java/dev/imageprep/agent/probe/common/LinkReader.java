package dev.imageprep.agent.probe.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads where a link points, as a path inside the image: absolute ({@code /run/lock}) or relative to
 * the link's directory ({@code ../mail}), with {@code /} as separator. Windows links (symlinks with
 * drive-letter targets, junctions) need their own reader.
 */
@FunctionalInterface
public interface LinkReader {

  /**
   * @param host the link on this machine
   * @throws IOException when the link cannot be read, or leads somewhere the image cannot name
   */
  String read(Path host) throws IOException;

  /** Symlinks as POSIX systems store them: bytes, read exactly whatever the locale ({@link HostNames}). */
  LinkReader POSIX = host -> {
    Path target = Files.readSymbolicLink(host);
    return target.getFileSystem() == java.nio.file.FileSystems.getDefault()
        ? dev.imageprep.rules.host.FileNames.decode(HostNames.bytes(target)) : target.toString();
  };
}

package dev.imageprep.agent.probe.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure the directory imageprep keeps its lock, journals and configuration in exists and is
 * fit for a run that may act as root or administrator. On Windows that means a DACL for SYSTEM and
 * Administrators only ({@code WindowsStateDirectory}): {@code %ProgramData%} lets every user create
 * files and junctions in a new folder that inherits its ACL.
 */
@FunctionalInterface
public interface StateDirectory {

  /** @throws IOException with a sentence saying what is wrong and what to do */
  void prepare(Path dir) throws IOException;

  /** Created as needed; {@code /run} and {@code /var/lib} are root's already. */
  StateDirectory POSIX = Files::createDirectories;
}

package dev.imageprep.agent.probe.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removes one directory entry — a file, a link as a link, or an empty directory — never following
 * it. Windows needs its own ({@code WindowsEntries}): it removes through a handle it has checked is
 * still the planned file, clears the read-only attribute first, and tells "in use" from other
 * failures by error code.
 */
@FunctionalInterface
public interface EntryRemover {

  /**
   * @param seen the attributes the caller saw just before, naming the entry it means
   * @throws EntryRefusedException when the platform keeps the entry (in use, replaced, protected)
   */
  void remove(Path entry, BasicFileAttributes seen) throws IOException;

  /** {@code unlink} or {@code rmdir}, which never follow a link at the last component. */
  EntryRemover NIO = (entry, seen) -> Files.delete(entry);
}

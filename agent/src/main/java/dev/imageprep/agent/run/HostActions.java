package dev.imageprep.agent.run;

import dev.imageprep.agent.probe.common.EntryRemover;
import dev.imageprep.agent.probe.common.StateDirectory;
import dev.imageprep.agent.probe.windows.AdministratorsGroup;
import java.util.Optional;

/**
 * What a run may change on the host beyond its reports, done the platform's way.
 *
 * @param remover how the cleanup removes one entry (Windows: through a checked handle)
 * @param stateDirectory how the lock and journal directory is made fit for use (Windows: for
 *     administrators only)
 * @param administrators the local Administrators group, on a running Windows
 */
public record HostActions(EntryRemover remover, StateDirectory stateDirectory,
    Optional<AdministratorsGroup> administrators) {

  /** Linux, and any root mounted from elsewhere. */
  public static final HostActions POSIX = new HostActions(EntryRemover.NIO, StateDirectory.POSIX, Optional.empty());
}

package dev.imageprep.agent.probe.common;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.VolumeProbe;
import dev.imageprep.rules.host.VolumeUsage;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Volume usage from the JDK's {@link FileStore}, which is {@code statvfs}: total = f_blocks, free =
 * f_bfree, usable = f_bavail (times f_frsize). In offline mode this is the filesystem that holds the
 * mounted image.
 */
public final class StoreVolumes implements VolumeProbe {

  private final RootedFiles files;

  public StoreVolumes(RootedFiles files) {
    this.files = files;
  }

  @Override
  public Fact<VolumeUsage> usage(ImagePath path) {
    Fact<ImagePath> real = files.resolve(path);
    if (!real.isKnown()) {
      return Fact.unknown(real.reason());
    }
    Path host = files.hostPath(real.value());
    while (!Files.exists(host) && host.getParent() != null) {
      host = host.getParent();
    }
    try {
      FileStore store = Files.getFileStore(host);
      return Fact.known(new VolumeUsage(store.toString(), store.type(), store.getTotalSpace(),
          store.getUnallocatedSpace(), store.getUsableSpace()));
    } catch (IOException | SecurityException e) {
      return Fact.unknown("statvfs failed for " + path + ": " + e.getMessage());
    }
  }
}

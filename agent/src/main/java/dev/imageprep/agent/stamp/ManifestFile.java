package dev.imageprep.agent.stamp;

import dev.imageprep.agent.json.Json;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.model.VersionManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The version file inside the image: read as the image would see it, and replaced atomically with
 * a rename in its own directory, which replaces a symlink at that name instead of writing through
 * it. Directories on the way resolve inside the root, never outside it.
 */
public final class ManifestFile {

  /** Where the file lives inside a Linux image. */
  public static final ImagePath LINUX = ImagePath.of("/etc/imageprep/image-version.json");
  /** Where the file lives on a Windows system volume ({@code C:\ProgramData\imageprep\...}). */
  public static final ImagePath WINDOWS = ImagePath.of("/ProgramData/imageprep/image-version.json");

  /** The version file's place in an image of this platform. */
  public static ImagePath defaultPath(Platform platform) {
    return platform == Platform.WINDOWS ? WINDOWS : LINUX;
  }

  private final RootedFiles files;
  private final ImagePath path;

  public ManifestFile(RootedFiles files, ImagePath path) {
    this.files = files;
    this.path = path;
  }

  public ImagePath path() {
    return path;
  }

  /** The stamp already in the image, if there is a readable one. */
  public Optional<VersionManifest> previous() {
    Fact<Optional<String>> text = files.readText(path, 16L * 1024 * 1024);
    if (!text.isKnown() || text.value().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(text.value().get(), VersionManifest.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes the manifest; returns where it went on this machine. */
  public Path write(VersionManifest manifest) throws IOException {
    Fact<ImagePath> dir = files.resolve(path.parent());
    if (!dir.isKnown()) {
      throw new IOException("cannot resolve " + path.parent() + ": " + dir.reason());
    }
    Path hostDir = files.hostPath(dir.value());
    Files.createDirectories(hostDir);
    Path target = hostDir.resolve(path.fileName());
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(path + " is a directory");
    }
    Path temp = hostDir.resolve("." + path.fileName() + ".tmp-" + ProcessHandle.current().pid());
    byte[] bytes = (Json.pretty(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }
}

package dev.imageprep.agent.probe.windows;

import dev.imageprep.agent.probe.common.StateDirectory;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code %ProgramData%\imageprep} for an elevated run: created with a protected DACL for SYSTEM and
 * Administrators ({@link StateDirectoryPolicy#SDDL}); an existing one must be a plain directory (no
 * junction or link), owned by SYSTEM or Administrators, and hold nothing anyone else owns or that is a
 * reparse point. A DACL that lets others write (one the old installer left, inheriting ProgramData's)
 * is replaced when the owner is trusted. A run that is not elevated only reads: it uses an existing
 * directory as it is and never creates the default one, which would then belong to that user.
 */
public final class WindowsStateDirectory implements StateDirectory {

  private final WinFileApi files;
  private final SecurityApi security;
  private final Function<Path, String> win32;
  private final BooleanSupplier elevated;
  private final Path defaultDir;

  WindowsStateDirectory(WinFileApi files, SecurityApi security, Function<Path, String> win32,
      BooleanSupplier elevated, Path defaultDir) {
    this.files = files;
    this.security = security;
    this.win32 = win32;
    this.elevated = elevated;
    this.defaultDir = defaultDir;
  }

  /** The running system's, for a process whose elevation {@code elevated} tells. */
  public static WindowsStateDirectory live(BooleanSupplier elevated, Path defaultDir) {
    return new WindowsStateDirectory(new JnaFileApi(), new JnaSecurityApi(), ExtendedPaths::of, elevated,
        defaultDir);
  }

  @Override
  public void prepare(Path dir) throws IOException {
    if (!elevated.getAsBoolean()) {
      if (!Files.isDirectory(dir)) {
        if (dir.toAbsolutePath().normalize().equals(defaultDir.toAbsolutePath().normalize())) {
          throw new AccessDeniedException(dir.toString(), null, "only an elevated run creates it, writable by"
              + " administrators only: run once from an elevated prompt (install.ps1 does), or pass --state-dir");
        }
        Files.createDirectories(dir);
      }
      return;
    }
    try {
      create(dir);
      check(dir);
    } catch (WinError e) {
      throw e.toIOException(dir.toString());
    }
  }

  private void create(Path dir) throws IOException, WinError {
    if (dir.getParent() != null) {
      Files.createDirectories(dir.getParent());
    }
    try {
      security.createDirectory(win32.apply(dir), StateDirectoryPolicy.SDDL);
    } catch (WinError e) {
      if (e.code() != SecurityApi.ERROR_ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  private void check(Path dir) throws IOException, WinError {
    long h = files.open(win32.apply(dir), WinFileApi.READ_CONTROL | WinFileApi.WRITE_DAC
        | WinFileApi.FILE_READ_ATTRIBUTES);
    try {
      RawFileInfo raw = files.info(h);
      if (raw.isReparsePoint() || (raw.attributes() & ReparseTags.DIRECTORY) == 0) {
        throw refused(dir, "it is a junction, a link or a file, not a plain directory: remove it");
      }
      String sddl = security.ownerAndDacl(h);
      String owner = StateDirectoryPolicy.owner(sddl).orElse("nobody");
      if (!StateDirectoryPolicy.isTrusted(owner)) {
        throw refused(dir, "it belongs to " + owner + ", not to SYSTEM or the Administrators: remove it");
      }
      if (!StateDirectoryPolicy.daclProblems(sddl).isEmpty()) {
        security.setDacl(h, StateDirectoryPolicy.SDDL); // its owner is trusted: tighten, then check again
        List<String> left = StateDirectoryPolicy.daclProblems(security.ownerAndDacl(h));
        if (!left.isEmpty()) {
          throw refused(dir, String.join("; ", left));
        }
      }
    } finally {
      files.close(h);
    }
    checkEntries(dir);
  }

  /** What someone else may have put there while others could write into it. */
  private void checkEntries(Path dir) throws IOException, WinError {
    List<String> foreign = new ArrayList<>();
    try (var entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        long h = files.open(win32.apply(entry), WinFileApi.READ_CONTROL | WinFileApi.FILE_READ_ATTRIBUTES);
        try {
          String owner = StateDirectoryPolicy.owner(security.ownerAndDacl(h)).orElse("nobody");
          if (files.info(h).isReparsePoint() || !StateDirectoryPolicy.isTrusted(owner)) {
            foreign.add(entry.getFileName() + " (" + owner + ")");
          }
        } finally {
          files.close(h);
        }
      }
    }
    if (!foreign.isEmpty()) {
      throw refused(dir, "it holds entries that are links or belong to someone else, which an elevated run must not"
          + " write through: " + String.join(", ", foreign) + "; remove them");
    }
  }

  private static IOException refused(Path dir, String why) {
    return new AccessDeniedException(dir.toString(), null, "not used: " + why);
  }
}

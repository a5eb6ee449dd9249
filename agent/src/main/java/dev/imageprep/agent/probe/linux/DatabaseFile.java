package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import java.util.Optional;

/**
 * One file of a package database, looked at before it is read. A database file that is there but is
 * not a regular file (a FIFO, a directory, a dangling link) is not "no database": package rules
 * would then pass on an image whose packages nobody can see, so it is {@code Unknown}.
 */
final class DatabaseFile {

  private DatabaseFile() {}

  /**
   * @return the regular file (symlinks followed inside the root), {@code Known(empty)} when nothing
   *     is there, or {@code Unknown} when something other than a regular file is
   */
  static Fact<Optional<FileInfo>> regular(ImageFiles files, ImagePath path) {
    Fact<Optional<FileInfo>> entry = files.stat(path);
    if (!entry.isKnown()) {
      return Fact.unknown(entry.reason());
    }
    if (entry.value().isEmpty()) {
      return Fact.known(Optional.empty());
    }
    Fact<ImagePath> real = files.resolve(path);
    if (!real.isKnown()) {
      return Fact.unknown(path + ": " + real.reason());
    }
    Fact<Optional<FileInfo>> target = files.stat(real.value());
    if (!target.isKnown()) {
      return Fact.unknown(target.reason());
    }
    if (target.value().isEmpty()) {
      return Fact.unknown(path + " is a dangling link (to " + real.value() + "), so the package database cannot be read");
    }
    FileInfo info = target.value().get();
    if (!info.isRegular()) {
      return Fact.unknown(path + " is a " + info.type().key() + ", not a regular file, so the package database"
          + " cannot be read");
    }
    return Fact.known(Optional.of(info));
  }
}

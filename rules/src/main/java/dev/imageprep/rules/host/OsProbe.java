package dev.imageprep.rules.host;

/** Facts about the operating system in the image. */
public interface OsProbe {

  /** @return the release, or {@code Unknown} if the image does not say */
  Fact<OsRelease> release();
}

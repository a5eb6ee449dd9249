package dev.imageprep.rules.host;

import java.util.List;

/**
 * Where a secret scan looks, and with which detectors beyond the built-in ones.
 *
 * @param include directories (or files) inside the image to walk
 * @param exclude glob patterns of image paths to leave out ({@code /usr/share/doc/**}, {@code
 *     **}{@code /share/man/**})
 * @param maxFileBytes files larger than this are skipped and reported as skipped
 * @param detectors detectors a rule file defines; one with a built-in id replaces the built-in
 * @param disabledDetectors ids of built-in detectors not to run
 * @param fixtures globs of toolchain test folders and package caches, whose findings are warnings
 */
public record ScanScope(List<ImagePath> include, List<String> exclude, long maxFileBytes,
    List<SecretDetectorSpec> detectors, List<String> disabledDetectors, List<String> fixtures) {

  public ScanScope {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    detectors = detectors == null ? List.of() : List.copyOf(detectors);
    disabledDetectors = disabledDetectors == null ? List.of() : List.copyOf(disabledDetectors);
    fixtures = fixtures == null ? List.of() : List.copyOf(fixtures);
  }

  /** A scope without fixture folders. */
  public ScanScope(List<ImagePath> include, List<String> exclude, long maxFileBytes,
      List<SecretDetectorSpec> detectors, List<String> disabledDetectors) {
    this(include, exclude, maxFileBytes, detectors, disabledDetectors, List.of());
  }

  /** A scope with the built-in detectors only. */
  public ScanScope(List<ImagePath> include, List<String> exclude, long maxFileBytes) {
    this(include, exclude, maxFileBytes, List.of(), List.of(), List.of());
  }
}

package dev.imageprep.rules.host;

import java.util.List;

/**
 * Where a secret scan looks.
 *
 * @param include directories (or files) inside the image to walk
 * @param exclude glob patterns of image paths to leave out ({@code /usr/share/doc/**})
 * @param maxFileBytes files larger than this are skipped and reported as skipped
 */
public record ScanScope(List<ImagePath> include, List<String> exclude, long maxFileBytes) {

  public ScanScope {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }
}

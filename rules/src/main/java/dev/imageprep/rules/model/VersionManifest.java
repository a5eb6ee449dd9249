package dev.imageprep.rules.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The image's version file ({@code imageprep/image-version/v1}): its tags, what is installed, what
 * imageprep last concluded about it, and the stamps before this one. The whitepaper's step "create
 * or update a version control file on the image", in a form both people and pipelines can read.
 *
 * @param history earlier stamps of the same image, newest first (at most {@link #MAX_HISTORY})
 */
public record VersionManifest(
    String schema,
    Instant stampedAt,
    ToolInfo tool,
    String os,
    Map<String, String> tags,
    Result result,
    Software software,
    List<Earlier> history) {

  public static final String SCHEMA = "imageprep/image-version/v1";
  public static final int MAX_HISTORY = 20;

  /**
   * What imageprep concluded: from the report named by {@code --from-report}, or a check run now.
   *
   * @param source {@code check at stamp time} or the report file's name
   * @param blocking ids of the checks that made it not ready
   */
  public record Result(String source, String command, String profile, String verdict, boolean ready, int exitCode,
      Instant finishedAt, Summary summary, List<String> blocking) {}

  /** The installed packages, as the image's own package databases list them. */
  public record Software(List<String> managers, List<Package> packages) {}

  /** One installed package. */
  public record Package(String name, String version, String architecture) {}

  /** A previous stamp, kept so the file answers "what was this image before". */
  public record Earlier(Instant stampedAt, String version, String verdict) {}
}

package dev.imageprep.agent.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.HostSection;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.model.Verdict;
import dev.imageprep.rules.model.VersionManifest;
import java.util.List;

/**
 * The JSON shape of the rules module's types, declared here rather than on the types so that rules
 * does not depend on Jackson. Each mix-in stands for the annotations its target would carry; the
 * report schema ({@code report-v2.schema.json}) and {@code ReportMixInsTest} pin the result.
 */
final class ReportMixIns {

  private ReportMixIns() {}

  /** A module that applies every mix-in below. */
  static SimpleModule module() {
    SimpleModule m = new SimpleModule("imageprep-shapes");
    // enums are written as their catalog spelling ({@code error}, {@code resolved-by-cleanup}, …)
    for (Class<?> keyed : List.of(Severity.class, Status.class, CleanupStatus.class, ActionKind.class,
        Platform.class, FileType.class)) {
      m.setMixInAnnotation(keyed, KeyedEnum.class);
    }
    m.setMixInAnnotation(Verdict.class, VerdictLabel.class);
    m.setMixInAnnotation(ImagePath.class, PathAsText.class);
    m.setMixInAnnotation(Report.class, ReportShape.class);
    m.setMixInAnnotation(CheckResult.class, NonEmpty.class);
    m.setMixInAnnotation(Evidence.class, NonNull.class);
    m.setMixInAnnotation(HostSection.class, NonNull.class);
    m.setMixInAnnotation(PlannedStep.class, PlannedStepShape.class);
    m.setMixInAnnotation(VersionManifest.class, NonNull.class);
    m.setMixInAnnotation(VersionManifest.Result.class, NonNull.class);
    m.setMixInAnnotation(VersionManifest.Package.class, NonNull.class);
    m.setMixInAnnotation(VersionManifest.Earlier.class, NonNull.class);
    return m;
  }

  private abstract static class KeyedEnum {
    @JsonValue
    abstract String key();
  }

  private abstract static class VerdictLabel {
    /** {@code NOT READY}, with its space. */
    @JsonValue
    abstract String label();
  }

  private abstract static class PathAsText {
    @JsonValue
    @Override
    public abstract String toString();
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private abstract static class NonNull {}

  /** Empty evidence lists and absent fields are left out of a check's result. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private abstract static class NonEmpty {}

  /** The derived {@code exitCode} and {@code blockedBy} are written where a reader looks for them. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"schema", "tool", "command", "startedAt", "finishedAt", "host", "ready", "verdict", "exitCode",
      "failOn", "blockedBy", "summary", "notes", "checks", "preflight", "cleanup"})
  private abstract static class ReportShape {
    @JsonProperty("exitCode")
    abstract int exitCode();

    @JsonProperty("blockedBy")
    abstract List<String> blockedBy();
  }

  /** The inode identity is the executor's, not the report's; {@code isPlanned()} is not a field. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private abstract static class PlannedStepShape {
    @JsonIgnore
    abstract String identity();

    @JsonIgnore
    abstract boolean isPlanned();
  }
}

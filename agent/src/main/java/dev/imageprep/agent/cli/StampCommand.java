package dev.imageprep.agent.cli;

import dev.imageprep.agent.cleanup.RunLock;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.agent.run.ReportAssembler;
import dev.imageprep.agent.run.Session;
import dev.imageprep.agent.stamp.ManifestFile;
import dev.imageprep.agent.stamp.Stamper;
import dev.imageprep.agent.stamp.TagFormats;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.rules.model.VersionManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep stamp}: write the image's version file with its tags, software and result. */
@Command(name = "stamp", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Write the image's version file (/etc/imageprep/image-version.json; on Windows"
        + " C:\\ProgramData\\imageprep\\image-version.json) with its tags (Name,"
        + " Version, Software, Role, System, Project, Cost center, Stage, Confidentiality, Compliance), the"
        + " installed software and imageprep's result; earlier stamps are kept as history.",
        "Version defaults to the previous stamp's plus one. --format aws-tags prints the tags as the"
        + " Key/Value list `aws ec2 create-tags --tags file://FILE` takes."})
public final class StampCommand implements Callable<Integer> {

  @ParentCommand
  RootCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Option(names = "--tag", paramLabel = "KEY=VALUE",
      description = "A tag of the image (repeatable), e.g. --tag Name=web-base --tag 'Cost center=1234'.")
  Map<String, String> tags = new LinkedHashMap<>();

  @Option(names = "--from-report", paramLabel = "FILE",
      description = "Record the result of this JSON report (from check or prepare) instead of checking now.")
  String fromReport;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = TagFormats.TEXT,
      description = "What to print: text, json (the version file) or aws-tags. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Print to FILE instead of stdout.")
  String output;

  @Option(names = {"-n", "--dry-run"}, description = "Print the stamp without writing the version file.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    if (!List.of(TagFormats.TEXT, TagFormats.JSON, TagFormats.AWS_TAGS).contains(format)) {
      throw AgentException.usage("unknown --format " + format + " (text, json or aws-tags)");
    }
    CommandContext ctx = root.context();
    Instant now = ctx.env().clock().instant();
    OutputFile file = output == null ? null : OutputFile.at(ctx.env().fileSystem(), output);
    Session session = new Session(ctx.env(), ctx.opener(), ctx.types(), target.request());
    if (!dryRun) {
      session.requireToChange("stamp");
    }
    try (RunLock lock = session.lock(dryRun)) {
      ManifestFile manifestFile = new ManifestFile(session.files(),
          ManifestFile.defaultPath(session.facts().info().platform()));
      VersionManifest manifest;
      try {
        manifest = new Stamper(ctx.tool(), now).stamp(tags, session.facts(), result(ctx, session, now),
            manifestFile.previous());
      } catch (IllegalArgumentException e) {
        throw AgentException.usage("--tag: " + e.getMessage());
      }
      String where = dryRun ? "Would write " + manifestFile.path() : "Wrote " + manifestFile.path();
      if (!dryRun) {
        try {
          manifestFile.write(manifest);
        } catch (IOException e) {
          throw new AgentException(ExitCode.INCOMPLETE, "could not write " + manifestFile.path() + ": "
              + e.getMessage());
        }
      }
      print(file, switch (format) {
        case TagFormats.JSON -> TagFormats.json(manifest);
        case TagFormats.AWS_TAGS -> TagFormats.awsTags(manifest);
        default -> TagFormats.text(manifest, where + (session.offline() ? " in the image at " + session.root() : ""));
      });
      return ExitCode.OK.code();
    }
  }

  private VersionManifest.Result result(CommandContext ctx, Session session, Instant now) {
    if (fromReport == null) {
      CleanupPlan plan = session.plan();
      return Stamper.fromReport(new ReportAssembler(ctx.tool(), session.hostSection(), now, Severity.ERROR)
          .check(session.evaluate(session.facts(), session.resolvingPlan(plan)), plan.steps(), List.of(),
              ctx.env().clock().instant()), "check at stamp time");
    }
    try {
      Path p = ctx.env().fileSystem().getPath(fromReport);
      return Stamper.fromReportJson(Files.readString(p, StandardCharsets.UTF_8), fromReport);
    } catch (IOException | RuntimeException e) {
      throw AgentException.usage("--from-report " + fromReport + ": " + e.getMessage());
    }
  }

  private void print(OutputFile file, String text) {
    if (file == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return;
    }
    file.write(w -> w.write(text));
  }
}

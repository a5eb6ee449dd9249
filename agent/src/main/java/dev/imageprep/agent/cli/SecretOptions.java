package dev.imageprep.agent.cli;

import dev.imageprep.agent.run.AgentException;
import dev.imageprep.agent.secrets.GitleaksRules;
import dev.imageprep.agent.secrets.SecretBaseline;
import dev.imageprep.agent.secrets.SecretScanSettings;
import dev.imageprep.agent.secrets.SecretSettingsException;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the secret scan treats reviewed findings and which extra rules it runs. */
public final class SecretOptions {

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Secret findings reviewed and accepted before (written by --write-baseline): only new findings"
          + " count. Entries are salted fingerprints; no value is stored.")
  String baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Write every secret finding of this run to FILE as a baseline to review and pass to --baseline"
          + " (with --baseline, the same salt is kept).")
  String writeBaseline;

  @Option(names = "--secret-rules", paramLabel = "FILE",
      description = "A gitleaks rule file (TOML) whose rules the secret scan runs next to the built-in detectors.")
  String secretRules;

  /** Loads the baseline and rule file; a problem with either is a usage error (exit 2) naming file and line. */
  SecretScanSettings settings(CommandContext ctx) {
    if (baseline == null && writeBaseline == null && secretRules == null) {
      return SecretScanSettings.NONE;
    }
    try {
      SecretBaseline accepted = baseline == null ? null : SecretBaseline.read(existing(ctx, "--baseline", baseline));
      GitleaksRules rules = secretRules == null ? null : GitleaksRules.load(existing(ctx, "--secret-rules",
          secretRules));
      return SecretScanSettings.of(accepted, writeBaseline != null, rules);
    } catch (SecretSettingsException e) {
      throw AgentException.usage(e.getMessage());
    }
  }

  /** Writes the baseline of the last secret scan, when one was asked for and a scan ran. */
  void writeBaseline(CommandContext ctx, SecretScanSettings settings, PrintWriter err) {
    if (writeBaseline == null) {
      return;
    }
    if (!settings.scanned()) {
      err.println("--write-baseline: no secret scan ran (is a secrets rule selected?); " + writeBaseline
          + " was not written");
      err.flush();
      return;
    }
    try {
      settings.baselineToWrite().write(ctx.env().fileSystem().getPath(writeBaseline), settings.lastScan());
    } catch (IOException | InvalidPathException e) {
      throw new AgentException(ExitCode.INCOMPLETE, "could not write the baseline " + writeBaseline + ": "
          + e.getMessage());
    }
  }

  private static Path existing(CommandContext ctx, String option, String file) throws SecretSettingsException {
    try {
      Path p = ctx.env().fileSystem().getPath(file);
      if (!Files.isRegularFile(p)) {
        throw new SecretSettingsException(file, 0, option + ": no such file");
      }
      return p;
    } catch (InvalidPathException e) {
      throw new SecretSettingsException(file, 0, option + ": not a valid path");
    }
  }
}

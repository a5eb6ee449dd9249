package dev.imageprep.agent.cli;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.windows.AdministratorsGroup;
import dev.imageprep.agent.run.HostOpener;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.agent.sudo.HostVisudo;
import dev.imageprep.agent.sudo.RevokeConfig;
import dev.imageprep.agent.sudo.RevokeOutcome;
import dev.imageprep.agent.sudo.RevokeRequest;
import dev.imageprep.agent.sudo.ShadowLock;
import dev.imageprep.agent.sudo.SudoRevoker;
import dev.imageprep.agent.sudo.WindowsAdminRevoker;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code imageprep sudo revoke}: what the boot unit runs so image users are not administrators. */
@Command(name = "revoke", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
    description = {"Remove users from the sudo, wheel and admin groups and from the /etc/sudoers.d drop-ins"
        + " that grant them rights (WorkSpaces grants local admin that way).",
        "Without --user: every user with a uid from UID_MIN to UID_MAX (/etc/login.defs) and a login shell,"
        + " minus `sudo-revoke.keep` in /etc/imageprep/imageprep.conf. Root's rights are never removed.",
        "Takes the locks gpasswd and vigr take; has this machine's visudo -c check every rewritten drop-in"
        + " before it replaces the file, and puts the drop-ins back if visudo rejects the whole configuration."
        + " Never runs a program of the image; without a visudo here it changes nothing. Idempotent: a second"
        + " run changes nothing. Each change is logged to standard error (the journal, under systemd).",
        // picocli formats descriptions: %% is one percent sign
        "On Windows: removes users from the local Administrators group (S-1-5-32-544), except the built-in"
        + " Administrator and `sudo-revoke.keep` in %%ProgramData%%\\imageprep\\imageprep.conf; each change is also"
        + " logged to %%ProgramData%%\\imageprep\\sudo-revoke.log. Needs an elevated prompt."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done: no chosen user has sudo rights left (or there was nothing to do)",
        "2:usage error (asked to revoke root, no --yes without a terminal); nothing was changed",
        "3:incomplete: a change failed, a grant remains that imageprep does not edit (listed), or a drop-in"
            + " needs rewriting and this machine has no visudo to check it (nothing was changed)",
        "4:another process holds the /etc/group or /etc/gshadow lock"})
public final class SudoRevokeCommand implements Callable<Integer> {

  @ParentCommand
  SudoCommand sudo;

  @Spec
  CommandSpec spec;

  @Option(names = {"-u", "--user"}, paramLabel = "USER",
      description = "A user to revoke (repeatable). Default: every interactive user, minus the allow-list.")
  List<String> users = new ArrayList<>();

  @Option(names = "--root", paramLabel = "DIR",
      description = "Revoke in the image whose root filesystem is mounted at DIR (checked with this machine's"
          + " visudo; nothing of the image is run).")
  String root;

  @Mixin
  ChangeOptions change;

  /** One revoke run, on Linux or Windows. */
  @FunctionalInterface
  private interface Revocation {
    RevokeOutcome run(RevokeRequest request) throws IOException, ShadowLock.BusyException;
  }

  @Override
  public Integer call() throws IOException {
    CommandContext ctx = sudo.root.context();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Revocation revocation = HostOpener.isWindows(ctx.env()) ? windows(ctx, err) : linux(ctx, err);
    if (!change.dryRun && !change.yes) {
      RevokeOutcome preview = run(revocation, true);
      if (preview.changes().isEmpty()) {
        return report(out, err, preview, true);
      }
      if (!confirm(ctx, out, preview)) {
        err.println("Nothing changed.");
        return ExitCode.OK.code();
      }
    }
    return report(out, err, run(revocation, change.dryRun), change.dryRun);
  }

  private Revocation linux(CommandContext ctx, PrintWriter err) throws IOException {
    boolean offline = root != null;
    Path rootDir = rootDirectory(ctx);
    if (!change.dryRun && !offline && ctx.env().uid().isPresent() && ctx.env().uid().getAsInt() != 0) {
      throw AgentException.usage("sudo revoke changes /etc/group and /etc/sudoers.d: run it as root");
    }
    RootedFiles files = new RootedFiles(rootDir);
    HostVisudo visudo = HostVisudo.onThisMachine(files, offline, ctx.env().runner(), ctx.env().fileSystem(),
        ctx.env().fileSystem().getPath(System.getProperty("java.io.tmpdir")));
    SudoRevoker revoker = new SudoRevoker(files, visudo, ctx.env().pid(),
        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), SudoRevokeCommand::pause,
        line -> {
          err.println("imageprep sudo revoke: " + line);
          err.flush();
        });
    return revoker::run;
  }

  /**
   * The local Administrators group of the running Windows, with the allow-list and the log in
   * {@code %ProgramData%\imageprep}, which must be fit for an elevated run first.
   */
  private Revocation windows(CommandContext ctx, PrintWriter err) {
    if (root != null) {
      throw AgentException.usage("--root works on Linux images; on Windows sudo revoke changes the running system");
    }
    HostOpener.Opened opened = ctx.opener().open(
        ctx.env().fileSystem().getPath(HostOpener.systemDrive(ctx.env()) + ":\\"), false);
    Fact<Boolean> elevated = opened.facts().windows().elevated();
    if (!change.dryRun && (!elevated.isKnown() || !elevated.value())) {
      throw AgentException.usage("sudo revoke changes the local Administrators group: run it from an elevated"
          + " prompt" + (elevated.isKnown() ? "" : " (could not tell: " + elevated.reason() + ")"));
    }
    AdministratorsGroup group = opened.actions().administrators().orElseThrow(() -> new AgentException(
        ExitCode.INCOMPLETE, "the local Administrators group cannot be reached on this system"));
    Path state = ctx.env().stateDir();
    try {
      opened.actions().stateDirectory().prepare(state);
    } catch (IOException e) {
      throw AgentException.usage("cannot use " + state + ": " + e.getMessage());
    }
    RevokeConfig config = readConfig(state.resolve("imageprep.conf"));
    Path logFile = state.resolve("sudo-revoke.log");
    return request -> new WindowsAdminRevoker(group, config, line -> {
      err.println("imageprep sudo revoke: " + line);
      err.flush();
      if (!request.dryRun()) {
        appendLog(ctx, logFile, line);
      }
    }).run(request);
  }

  private static RevokeConfig readConfig(Path file) {
    try {
      return Files.isRegularFile(file) ? RevokeConfig.parse(Files.readString(file)) : RevokeConfig.parse("");
    } catch (IOException e) {
      throw AgentException.usage("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Each change, with its time, where the boot-time task's output would otherwise be lost. */
  private static void appendLog(CommandContext ctx, Path file, String line) {
    try {
      Files.writeString(file, ctx.env().clock().instant() + " " + line + System.lineSeparator(),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new AgentException(ExitCode.INCOMPLETE, "could not log to " + file + ": " + e.getMessage());
    }
  }

  private RevokeOutcome run(Revocation revocation, boolean dryRun) throws IOException {
    try {
      return revocation.run(new RevokeRequest(users, dryRun));
    } catch (IllegalArgumentException e) {
      throw AgentException.usage(e.getMessage());
    } catch (ShadowLock.BusyException e) {
      throw new AgentException(ExitCode.LOCKED, e.getMessage());
    } catch (SudoRevoker.NoJudgeException e) {
      throw new AgentException(ExitCode.INCOMPLETE, e.getMessage());
    }
  }

  private Path rootDirectory(CommandContext ctx) throws IOException {
    if (root != null && root.isBlank()) {
      throw AgentException.usage("--root is empty: give the directory where the image's root volume is mounted");
    }
    Path dir = ctx.env().fileSystem().getPath(root == null ? "/" : root);
    if (!Files.isDirectory(dir)) {
      throw AgentException.usage("--root " + root + " is not a directory");
    }
    return dir.toRealPath();
  }

  private boolean confirm(CommandContext ctx, PrintWriter out, RevokeOutcome preview) throws IOException {
    if (!ctx.env().interactive()) {
      throw AgentException.usage("refusing to change sudo rights without --yes: there is no terminal to ask for"
          + " confirmation (run with --dry-run to see the changes)");
    }
    preview.changes().forEach(c -> out.println("  " + c));
    out.printf(Locale.ROOT, "About to make these %d changes. Continue? [y/N] ", preview.changes().size());
    out.flush();
    String answer = ctx.env().answers().readLine();
    return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
  }

  private static int report(PrintWriter out, PrintWriter err, RevokeOutcome outcome, boolean dryRun) {
    if (dryRun) {
      outcome.changes().forEach(c -> out.println("would have " + c));
    }
    outcome.remaining().forEach(r -> err.println("imageprep sudo revoke: still granted: " + r));
    outcome.failures().forEach(f -> err.println("imageprep sudo revoke: failed: " + f));
    String who = outcome.users().isEmpty() ? "no interactive users" : String.join(", ", outcome.users());
    if (outcome.changes().isEmpty() && outcome.complete()) {
      out.println("Nothing to revoke for " + who + ".");
    } else {
      out.printf(Locale.ROOT, "%s %d change(s) for %s%s.%n", dryRun ? "Would make" : "Made", outcome.changes().size(),
          who, outcome.complete() ? "" : "; " + (outcome.remaining().size() + outcome.failures().size())
              + " problem(s) left, see above");
    }
    out.flush();
    err.flush();
    return (outcome.complete() ? ExitCode.OK : ExitCode.INCOMPLETE).code();
  }

  /** The wait between tries for a lock another tool holds, as shadow-utils' lckpwdf waits. */
  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.imageprep.agent.cli;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.run.AgentException;
import dev.imageprep.agent.sudo.RevokeOutcome;
import dev.imageprep.agent.sudo.RevokeRequest;
import dev.imageprep.agent.sudo.ShadowLock;
import dev.imageprep.agent.sudo.SudoRevoker;
import dev.imageprep.agent.sudo.Visudo;
import dev.imageprep.rules.model.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        "Takes the locks gpasswd and vigr take; has visudo -c check every rewritten drop-in before it replaces"
        + " the file, and puts the drop-ins back if visudo rejects the whole configuration. Idempotent: a second"
        + " run changes nothing. Each change is logged to standard error (the journal, under systemd)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done: no chosen user has sudo rights left (or there was nothing to do)",
        "2:usage error (asked to revoke root, no --yes without a terminal); nothing was changed",
        "3:incomplete: a change failed, or a grant remains that imageprep does not edit (listed)",
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
      description = "Revoke in the image whose root filesystem is mounted at DIR (visudo runs via chroot).")
  String root;

  @Mixin
  ChangeOptions change;

  @Override
  public Integer call() throws IOException {
    CommandContext ctx = sudo.root.context();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (ctx.env().fileSystem().getSeparator().equals("\\")) {
      // the Windows side (local Administrators through Netapi32) is not built yet
      throw new AgentException(ExitCode.INCOMPLETE, "sudo revoke works on Linux images only for now; on Windows"
          + " remove users from the local Administrators group with `net localgroup Administrators USER /delete`");
    }
    boolean offline = root != null;
    Path rootDir = rootDirectory(ctx);
    if (!change.dryRun && !offline && ctx.env().uid().isPresent() && ctx.env().uid().getAsInt() != 0) {
      throw AgentException.usage("sudo revoke changes /etc/group and /etc/sudoers.d: run it as root");
    }
    RootedFiles files = new RootedFiles(rootDir);
    SudoRevoker revoker = new SudoRevoker(files, new Visudo(files, offline, ctx.env().runner()), ctx.env().pid(),
        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), SudoRevokeCommand::pause,
        line -> {
          err.println("imageprep sudo revoke: " + line);
          err.flush();
        });
    if (!change.dryRun && !change.yes) {
      RevokeOutcome preview = run(revoker, true);
      if (preview.changes().isEmpty()) {
        return report(out, err, preview, true);
      }
      if (!confirm(ctx, out, preview)) {
        err.println("Nothing changed.");
        return ExitCode.OK.code();
      }
    }
    return report(out, err, run(revoker, change.dryRun), change.dryRun);
  }

  private RevokeOutcome run(SudoRevoker revoker, boolean dryRun) throws IOException {
    try {
      return revoker.run(new RevokeRequest(users, dryRun));
    } catch (IllegalArgumentException e) {
      throw AgentException.usage(e.getMessage());
    } catch (ShadowLock.BusyException e) {
      throw new AgentException(ExitCode.LOCKED, e.getMessage());
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

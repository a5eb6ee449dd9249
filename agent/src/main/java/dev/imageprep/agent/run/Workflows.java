package dev.imageprep.agent.run;

import dev.imageprep.agent.cleanup.RunLock;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The application's three runs — check, clean, prepare — each taking a request and returning the
 * typed report, whatever the front end. The policy lives here: what needs administrator rights, when
 * the lock is taken (shared while reading, exclusive only once changing starts, never while a person
 * reads the prompt), when a person is asked, and when prepare cleans (nothing blocks, or --force).
 * Input problems are {@link AgentException}s with their exit codes; nothing is changed before they
 * are all ruled out.
 */
public final class Workflows {

  private final RunContext context;
  private final Progress progress;
  private final Confirmation confirmation;

  /**
   * @param progress where long work shows how far it is ({@link Progress#NONE} for none)
   * @param confirmation asks a person before changing anything, unless the request says yes
   */
  public Workflows(RunContext context, Progress progress, Confirmation confirmation) {
    this.context = context;
    this.progress = progress;
    this.confirmation = confirmation;
  }

  /** Judges the image; changes nothing. */
  public Report check(CheckRequest request) {
    Instant started = now();
    Session session = open(request.target());
    List<String> notes = new ArrayList<>();
    Privileges.checkNote(context.env(), session).ifPresent(notes::add);
    notes.addAll(session.notes());
    Judged judged = locked(session, true, () -> judge(session));
    return assembler(session, started, request.failOn()).check(judged.results(), judged.plan().steps(), notes, now());
  }

  /** Plans the cleanup and, unless it is a dry run and once confirmed, carries it out. */
  public Report clean(CleanRequest request) {
    Instant started = now();
    Session session = open(request.target());
    session.requireToChange("clean");
    List<String> notes = new ArrayList<>(session.notes());
    ReportAssembler reports = assembler(session, started, Severity.ERROR);
    CleanupPlan plan = locked(session, true, session::plan);
    if (request.dryRun()) {
      notes.add("dry run: nothing was changed");
      return reports.clean(plan.steps(), true, false, notes, now());
    }
    confirm(request.assumeYes(), plan, session);
    return locked(session, false, () -> {
      CleanupRun.Cleaned cleaned = new CleanupRun(session, context.interruptions().get()).execute(plan);
      notes.addAll(cleaned.notes());
      return reports.clean(cleaned.steps(), false, cleaned.interrupted(), notes, now());
    });
  }

  /**
   * Checks; cleans only when nothing blocks at --fail-on (findings the cleanup itself removes do not
   * block) or with --force; then checks again against the cleaned image. READY only if all agree.
   */
  public Report prepare(PrepareRequest request) {
    Instant started = now();
    Session session = open(request.target());
    session.requireToChange("prepare");
    List<String> notes = new ArrayList<>(session.notes());
    ReportAssembler reports = assembler(session, started, request.failOn());
    Judged judged = locked(session, true, () -> judge(session));
    CleanupPlan plan = judged.plan();
    List<CheckResult> preflight = judged.results();
    List<String> blocking = preflight.stream().filter(c -> c.blocks(request.failOn())).map(CheckResult::id).toList();
    if (request.dryRun()) {
      notes.add("dry run: nothing was changed");
      if (!blocking.isEmpty()) {
        notes.add("the cleanup would " + (request.force() ? "run despite " : "not run: blocked by ")
            + String.join(", ", blocking));
      }
      return reports.prepare(preflight, plan.steps(), null, true, false, notes, now());
    }
    if (!blocking.isEmpty() && !request.force()) {
      notes.add("cleanup not run: the check found blocking problems (" + String.join(", ", blocking)
          + "); fix them, or pass --force");
      return reports.prepare(preflight, plan.steps(), null, false, false, notes, now());
    }
    if (!blocking.isEmpty()) {
      notes.add("--force: cleaning despite " + String.join(", ", blocking));
    }
    confirm(request.assumeYes(), plan, session);
    return locked(session, false, () -> {
      CleanupRun.Cleaned cleaned = new CleanupRun(session, context.interruptions().get()).execute(plan);
      notes.addAll(cleaned.notes());
      List<CheckResult> verify = cleaned.interrupted() ? null
          : session.evaluate(session.reopen(), new CleanupPlan(List.of()));
      return reports.prepare(preflight, cleaned.steps(), verify, false, cleaned.interrupted(), notes, now());
    });
  }

  /** The selected plan, and the rules judged against the cleanup that resolves findings. */
  private record Judged(CleanupPlan plan, List<CheckResult> results) {}

  private static Judged judge(Session session) {
    CleanupPlan plan = session.plan();
    return new Judged(plan, session.evaluate(session.facts(), session.resolvingPlan(plan)));
  }

  private Session open(SessionRequest target) {
    return new Session(context.env(), context.opener(), context.types(), target, progress);
  }

  private ReportAssembler assembler(Session session, Instant started, Severity failOn) {
    return new ReportAssembler(context.tool(), session.hostSection(), started, failOn);
  }

  /**
   * Work under the run lock: shared for reading (side by side with checks, never during a cleanup),
   * exclusive for changing. Exit 4 when another run holds it.
   */
  @SuppressWarnings("try") // the lock is held, not used, inside the block
  private static <T> T locked(Session session, boolean shared, Supplier<T> work) {
    try (RunLock lock = session.lock(shared)) {
      return work.get();
    } catch (IOException e) {
      throw new AgentException(ExitCode.INCOMPLETE, "could not release the lock: " + e.getMessage());
    }
  }

  /**
   * Asks before changing anything; refuses when nobody can be asked and --yes is missing. No lock is
   * held meanwhile, so checks run while a person reads the plan.
   */
  private void confirm(boolean assumeYes, CleanupPlan plan, Session session) {
    long steps = plan.steps().stream().filter(s -> s.isPlanned()).count();
    if (assumeYes || steps == 0) {
      return;
    }
    if (!context.env().interactive()) {
      throw AgentException.usage("refusing to change " + steps + " paths without --yes: there is no terminal to"
          + " ask for confirmation (run with --dry-run to see the plan)");
    }
    if (!confirmation.confirm(plan, session.root(), session.profile().id())) {
      throw new AgentException(ExitCode.NOT_READY, "declined: nothing was changed");
    }
  }

  private Instant now() {
    return context.env().clock().instant();
  }
}

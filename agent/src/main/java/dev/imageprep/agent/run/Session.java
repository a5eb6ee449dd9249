package dev.imageprep.agent.run;

import dev.imageprep.agent.AgentEnvironment;
import dev.imageprep.agent.cleanup.Journal;
import dev.imageprep.agent.cleanup.RunLock;
import dev.imageprep.agent.probe.common.HostNames;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.linux.MountTable;
import dev.imageprep.agent.probe.linux.handle.DirHandle;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.agent.secrets.EvidenceRedactor;
import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.catalog.CatalogException;
import dev.imageprep.rules.catalog.CatalogProblem;
import dev.imageprep.rules.catalog.Profile;
import dev.imageprep.rules.catalog.RuleEntry;
import dev.imageprep.rules.check.CheckContext;
import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.CleanupEntry;
import dev.imageprep.rules.cleanup.CleanupPlan;
import dev.imageprep.rules.cleanup.Planner;
import dev.imageprep.rules.engine.Evaluator;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.OsRelease;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.ExitCode;
import dev.imageprep.rules.model.HostSection;
import dev.imageprep.rules.model.ProfileDetection;
import dev.imageprep.rules.select.NearestNames;
import dev.imageprep.rules.select.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run's setup, shared by check, clean and prepare: the catalog, the image root and its facts, the
 * profile and the selection, all validated before anything is touched. Every problem with the input
 * is an {@link AgentException} with exit code 2; what is only worth a warning (an id in {@code
 * --skip} that the profile lacks, a detection that fell back) is in {@link #notes()}.
 */
public final class Session {

  private final EvidenceRedactor redactor = new EvidenceRedactor();

  private final AgentEnvironment env;
  private final HostOpener opener;
  private final Progress progress;
  private final SessionRequest request;
  private final Path root;
  private final boolean offline;
  private final HostOpener.Opened opened;
  private final Profile profile;
  private final String profileReason;
  private final ProfileDetection detection;
  private final Selection selection;
  private final List<String> notes = new ArrayList<>();

  public Session(AgentEnvironment env, HostOpener opener, CheckTypes types, SessionRequest request) {
    this(env, opener, types, request, Progress.NONE);
  }

  /** @param progress where evaluation, secret scans and cleanup show how far they are */
  public Session(AgentEnvironment env, HostOpener opener, CheckTypes types, SessionRequest request,
      Progress progress) {
    this.env = env;
    this.progress = progress;
    this.opener = opener.withProgress(progress);
    this.request = request;
    Catalog catalog = loadCatalog(env, types, request.ruleFiles());
    boolean auto = request.profile() == null || request.profile().equals("auto");
    Profile named = auto ? null : resolve(catalog, request.profile()); // a typo fails before the image is read
    this.offline = request.root() != null;
    this.root = offline ? imageRoot(request.root()) : liveRoot(env);
    this.opened = this.opener.open(root, offline);
    if (auto) {
      ProfileDetector.Choice choice = new ProfileDetector(catalog).detect(opened.facts());
      this.profile = resolve(catalog, choice.profile());
      this.profileReason = choice.reason();
      this.detection = choice.detection();
      if (offline && detection.fallback()) {
        notes.add("--profile auto: the image at " + request.root() + " shows no WorkSpaces, OpsWorks or EC2 signs,"
            + " so it is judged with the generic " + profile.id() + " profile; pass --profile to choose another");
      }
    } else {
      this.profile = named;
      this.profileReason = "--profile";
      this.detection = null;
    }
    if (profile.platform() != opened.facts().info().platform()) {
      throw AgentException.usage("profile " + profile.id() + " is for " + profile.platform().key()
          + ", but the image is " + opened.facts().info().platform().key());
    }
    this.selection = new Selection(request.only(), request.skip(), request.enable());
    List<String> unknown = selection.unknownChosenIds(profile);
    if (!unknown.isEmpty()) {
      throw AgentException.usage(unknown.stream().map(id -> "--only/--enable " + id + ": profile " + profile.id()
          + " has no such rule or cleanup item" + NearestNames.suggestion(id, knownIds()))
          .collect(Collectors.joining("\n")) + "\n(`imageprep rules list --profile " + profile.id()
          + "` lists them)");
    }
    for (String id : selection.unknownSkippedIds(profile)) {
      notes.add("--skip " + id + ": profile " + profile.id() + " has no such rule or cleanup item, so there is"
          + " nothing to leave out" + NearestNames.suggestion(id, knownIds()));
    }
  }

  private List<String> knownIds() {
    List<String> known = new ArrayList<>();
    profile.rules().forEach(r -> known.add(r.id()));
    profile.cleanup().forEach(c -> known.add(c.id()));
    return known;
  }

  /** The running system's root: {@code /}, or on Windows the system drive ({@code C:\}). */
  static Path liveRoot(AgentEnvironment env) {
    if (HostOpener.isWindows(env)) {
      return env.fileSystem().getPath(HostOpener.systemDrive(env) + ":\\");
    }
    return env.fileSystem().getPath("/");
  }

  /**
   * The profile a catalog command names, from the bundled catalog and the given rule files, without
   * opening any host: listing a Windows profile works on Linux and the other way round.
   */
  public static Profile catalogProfile(AgentEnvironment env, CheckTypes types, List<String> ruleFiles, String id) {
    return resolve(loadCatalog(env, types, ruleFiles), id);
  }

  private static Catalog loadCatalog(AgentEnvironment env, CheckTypes types, List<String> ruleFiles) {
    List<Catalog.Source> extra = new ArrayList<>();
    for (String f : ruleFiles) {
      Path p;
      try {
        p = env.fileSystem().getPath(f);
      } catch (InvalidPathException e) {
        throw AgentException.usage("--rules " + f + ": not a valid path");
      }
      if (!Files.isRegularFile(p)) {
        throw AgentException.usage("--rules " + f + ": no such file");
      }
      extra.add(new Catalog.Source(f, () -> Files.newInputStream(p)));
    }
    try {
      return Catalog.load(types, Catalog.BUNDLED, extra);
    } catch (CatalogException e) {
      throw AgentException.usage(e.problems().stream().map(CatalogProblem::toString)
          .collect(Collectors.joining("\n")));
    }
  }

  private static Profile resolve(Catalog catalog, String id) {
    if (!catalog.hasProfile(id)) {
      throw AgentException.usage("unknown profile '" + id + "'" + NearestNames.suggestion(id, catalog.profileIds())
          + " (known: " + String.join(", ", catalog.profileIds()) + "; `imageprep profiles` describes them)");
    }
    try {
      return catalog.resolve(id);
    } catch (CatalogException e) {
      throw AgentException.usage(e.problems().stream().map(p -> p.message()).collect(Collectors.joining("\n")));
    }
  }

  /** The --root directory, real path, checked to hold an operating system before anything reads it. */
  private Path imageRoot(String given) {
    if (given.isBlank()) {
      throw AgentException.usage("--root is empty: give the directory where the image's root volume is mounted");
    }
    Path real;
    try {
      Path p = env.fileSystem().getPath(given);
      if (!Files.isDirectory(p)) {
        throw AgentException.usage("--root " + given + ": not a directory");
      }
      real = p.toRealPath();
    } catch (InvalidPathException | IOException e) {
      throw AgentException.usage("--root " + given + ": " + e.getMessage());
    }
    RootShape.requireOperatingSystem(real, given);
    return real;
  }

  /**
   * Stops a command that would change a running system without administrator rights: exit 2 before
   * anything is planned.
   */
  public void requireToChange(String command) {
    Privileges.requireToChange(env, this, command);
  }

  /** Warnings about the input that did not stop the run, for the report's notes. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  public Profile profile() {
    return profile;
  }

  public Selection selection() {
    return selection;
  }

  public HostFacts facts() {
    return opened.facts();
  }

  public boolean offline() {
    return offline;
  }

  public Path root() {
    return root;
  }

  public RootedFiles files() {
    return opened.files();
  }

  /** How changes are made on this host (removing an entry, the state directory). */
  public HostActions actions() {
    return opened.actions();
  }

  public AgentEnvironment env() {
    return env;
  }

  public Progress progress() {
    return progress;
  }

  public HostSection hostSection() {
    Fact<OsRelease> os = opened.facts().os().release();
    return new HostSection(opened.facts().info().platform(), root.toString(), offline,
        opened.facts().info().hostname(), os.isKnown() ? os.value().prettyName() : null, profile.id(), profileReason,
        profile.environment(), detection);
  }

  public List<CleanupEntry> selectedCleanup() {
    return selection.cleanup(profile);
  }

  /** The plan for the selected cleanup items; reads only. */
  public CleanupPlan plan() {
    return plan(selectedCleanup());
  }

  /**
   * The plan that decides which findings the cleanup resolves: the profile's whole cleanup (with the
   * same --skip and --enable) whatever --only picks, so that {@code check --only no-secrets-left}
   * judges the host keys as {@code check} does. Without --only it is the selected plan itself.
   */
  public CleanupPlan resolvingPlan(CleanupPlan selected) {
    return selection.narrowed() ? plan(selection.profileCleanup(profile)) : selected;
  }

  private CleanupPlan plan(List<CleanupEntry> items) {
    List<Planner.Guard> protect = new ArrayList<>();
    for (ImagePath v : profile.userVolumes()) {
      protect.add(new Planner.Guard(v, v + " is the user volume: it is not part of the image, and imageprep never"
          + " touches it on profile " + profile.id()));
    }
    return new Planner(opened.files(), protect, keptPaths(), opened.facts().packages().files())
        .withMountPoints(mountPoints()).limitSteps(stepLimit()).plan(items);
  }

  /**
   * The mounts inside the image other than its root: nothing at, below or above one is planned. Read
   * from this machine's mount table, which shows bind mounts of the same filesystem too.
   */
  List<Planner.Guard> mountPoints() {
    if (!DirHandle.usableFor(root)) {
      return List.of(); // Windows, and in-memory trees in tests: no mount table to read
    }
    List<Planner.Guard> mounts = new ArrayList<>();
    try {
      for (MountTable.Mount m : MountTable.below(HostNames.bytes(root.toAbsolutePath()))) {
        mounts.add(new Planner.Guard(m.path(), m.what()));
      }
    } catch (IOException e) {
      // no /proc: the executor still checks each directory's mount id before entering it
    }
    return mounts;
  }

  /**
   * How many steps a plan may hold: about 100 bytes of heap each at the peak of a run, and half the
   * heap for them, so that -Xmx256m plans well over a million paths and a tiny heap still plans some.
   */
  static long stepLimit() {
    return Math.max(10_000, Runtime.getRuntime().maxMemory() / 200);
  }

  /** Paths inside the image this run needs until it ends. */
  List<Planner.Guard> keptPaths() {
    List<Planner.Guard> kept = new ArrayList<>();
    addKept(kept, env.workingDirectory(), "the working directory of this run");
    addKept(kept, stateDir(), "imageprep's lock and journal");
    for (String k : request.keep()) {
      Path p = env.fileSystem().getPath(k).toAbsolutePath();
      addKept(kept, p.getParent() == null ? p : p.getParent(), "the directory of this run's report");
    }
    return kept;
  }

  private void addKept(List<Planner.Guard> kept, Path host, String why) {
    Path abs = host.toAbsolutePath().normalize();
    try {
      abs = abs.toRealPath();
    } catch (IOException e) {
      // not there yet: keep the path as given
    }
    opened.files().imagePath(abs).ifPresent(p -> {
      if (!p.isRoot()) {
        kept.add(new Planner.Guard(p, p + " holds " + why));
      }
    });
  }

  /**
   * Judges the selected rules, showing which one is being judged; {@code resolving} tells which
   * findings the cleanup resolves (see {@link #resolvingPlan}; empty for the verify step). A rule that
   * applies "when cleanup item X runs" asks the profile's whole cleanup, as resolution does.
   */
  public List<CheckResult> evaluate(HostFacts facts, CleanupPlan resolving) {
    Set<String> profileCleanup = selection.profileCleanup(profile).stream().map(CleanupEntry::id)
        .collect(Collectors.toSet());
    CheckContext ctx = new CheckContext(facts, resolving, profileCleanup, profile.userVolumes());
    List<RuleEntry> rules = selection.rules(profile);
    try (Progress.Task task = progress.begin("checking", rules.size())) {
      boolean[] first = {true};
      List<CheckResult> results = new Evaluator(ctx).evaluate(rules, rule -> {
        task.advance(first[0] ? 0 : 1, rule.id());
        first[0] = false;
      });
      task.advance(1, null);
      // rules of any type may quote the image's files: every result goes through the secret redaction
      return results.stream().map(redactor::redact).toList();
    }
  }

  /** Fresh facts of the same root, for the verify step after cleaning. */
  public HostFacts reopen() {
    return opener.open(root, offline).facts();
  }

  public Path stateDir() {
    return request.stateDir() != null ? env.fileSystem().getPath(request.stateDir()) : env.stateDir();
  }

  /** The lock file's name: one lock for the running system, one per mounted tree (not per path). */
  public static String lockFileName(Path root, boolean offline) {
    return RunLock.fileName(root, offline);
  }

  public RunLock lock(boolean shared) {
    Path file = stateDir().resolve(lockFileName(root, offline));
    try {
      opened.actions().stateDirectory().prepare(stateDir());
    } catch (IOException e) {
      throw AgentException.usage("cannot use " + stateDir() + " for the lock and journals: "
          + StateDirectory.problem(stateDir(), e, env.uid()));
    }
    try {
      return RunLock.acquire(file, shared, env.pid());
    } catch (RunLock.HeldException e) {
      throw new AgentException(ExitCode.LOCKED, e.getMessage());
    } catch (IOException e) {
      throw AgentException.usage("cannot take the lock " + file + ": " + StateDirectory.problem(stateDir(), e,
          env.uid()));
    }
  }

  public Journal openJournal() {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC)
        .format(env.clock().instant());
    Path file = stateDir().resolve("journal-" + stamp + "-" + env.pid() + ".jsonl");
    try {
      return Journal.open(file, env.clock());
    } catch (IOException e) {
      throw AgentException.usage("cannot write the journal " + file + ": " + StateDirectory.problem(stateDir(), e,
          env.uid()));
    }
  }
}

package dev.imageprep.agent.sudo;

import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.linux.LinuxAccounts;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.UserAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Takes sudo rights away from interactive users: out of the {@code sudo}, {@code wheel} and
 * {@code admin} groups (under shadow-utils' locks), and out of the {@code /etc/sudoers.d} drop-ins
 * (each rewrite checked by this machine's visudo before it replaces the file, the whole configuration
 * checked after, and put back if visudo rejects it; without a visudo here, nothing is changed). Root is
 * never touched; {@code /etc/sudoers} itself is only reported, as its owner should edit it with visudo.
 */
public final class SudoRevoker {

  /** The groups whose members get sudo rights from distribution defaults (Debian, Ubuntu, RHEL, Amazon Linux). */
  public static final Set<String> ADMIN_GROUPS = Set.of("sudo", "wheel", "admin");

  private static final ImagePath ETC = ImagePath.of("/etc");
  private static final ImagePath SUDOERS = ImagePath.of("/etc/sudoers");
  private static final ImagePath SUDOERS_D = ImagePath.of("/etc/sudoers.d");
  private static final String STAGING_SUFFIX = ".imageprep-new"; // has a '.', so sudo never reads it

  private final RootedFiles files;
  private final SudoersCheck sudoers;
  private final long pid;
  private final LongPredicate alive;
  private final Runnable pause;
  private final Consumer<String> log;

  /**
   * @param files the image, read and written inside its root
   * @param sudoers the syntax judge (this machine's visudo)
   * @param pid this process's id, for the lock files
   * @param alive whether a pid holding a lock file is running
   * @param pause the wait between lock attempts
   * @param log receives each change as it is made
   */
  public SudoRevoker(RootedFiles files, SudoersCheck sudoers, long pid, LongPredicate alive, Runnable pause,
      Consumer<String> log) {
    this.files = files;
    this.sudoers = sudoers;
    this.pid = pid;
    this.alive = alive;
    this.pause = pause;
    this.log = log;
  }

  /**
   * @throws IllegalArgumentException when asked to revoke root
   * @throws ShadowLock.BusyException when another process holds the group database locks
   * @throws NoJudgeException when a drop-in needs rewriting and nothing here can check sudoers syntax
   * @throws IOException when the account database cannot be read
   */
  public RevokeOutcome run(RevokeRequest request) throws IOException {
    LinuxAccounts accounts = new LinuxAccounts(files);
    Fact<List<UserAccount>> passwd = accounts.users();
    if (!passwd.isKnown()) {
      throw new IOException("cannot read the users: " + passwd.reason());
    }
    Map<String, Integer> uids = new LinkedHashMap<>();
    passwd.value().forEach(u -> uids.putIfAbsent(u.name(), u.uid()));
    Set<String> users = select(request, passwd.value(), uids);
    List<String> changes = new ArrayList<>();
    List<String> remaining = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    if (!users.isEmpty()) {
      List<DropInEdit> edits = planDropIns(users, uids, remaining);
      Optional<String> noJudge = edits.isEmpty() ? Optional.empty() : sudoers.unavailable();
      if (noJudge.isPresent() && !request.dryRun()) {
        // fail closed, before the groups are touched: no half-done revoke, no sudoers file changed unchecked
        throw new NoJudgeException(edits.get(0).image() + (edits.size() > 1 ? " and " + (edits.size() - 1)
            + " more drop-in(s) need" : " needs") + " rewriting, but " + noJudge.get() + "; nothing was changed");
      }
      groups(users, request.dryRun(), changes);
      if (request.dryRun()) {
        edits.forEach(e -> changes.addAll(e.rewrite().changes()));
      } else {
        applyDropIns(edits, changes, failures);
      }
      mainSudoers(users, uids, remaining);
    }
    return new RevokeOutcome(List.copyOf(users), changes, remaining, failures);
  }

  /** No trustworthy sudoers judge on this machine, while a drop-in needs rewriting; nothing was changed. */
  public static final class NoJudgeException extends IOException {
    private static final long serialVersionUID = 1L;

    NoJudgeException(String message) {
      super(message);
    }
  }

  private Set<String> select(RevokeRequest request, List<UserAccount> passwd, Map<String, Integer> uids) {
    if (!request.users().isEmpty()) {
      for (String user : request.users()) {
        if (user.equals("root") || Integer.valueOf(0).equals(uids.get(user))) {
          throw new IllegalArgumentException("refusing to revoke " + user + ": root's rights are never removed");
        }
      }
      return new LinkedHashSet<>(request.users());
    }
    LoginDefs defs = read(ImagePath.of("/etc/login.defs")).map(LoginDefs::parse).orElse(LoginDefs.DEFAULTS);
    RevokeConfig config = read(RevokeConfig.FILE).map(RevokeConfig::parse).orElse(new RevokeConfig(Set.of()));
    Set<String> users = new LinkedHashSet<>();
    for (UserAccount u : passwd) {
      if (u.uid() != 0 && defs.isOrdinary(u.uid()) && u.hasLoginShell() && !config.keep().contains(u.name())) {
        users.add(u.name());
      }
    }
    return users;
  }

  private Optional<String> read(ImagePath path) {
    Fact<Optional<String>> text = files.readText(path, 1024 * 1024);
    return text.isKnown() ? text.value() : Optional.empty();
  }

  private Path hostDir(ImagePath dir) throws IOException {
    Fact<ImagePath> real = files.resolve(dir);
    if (!real.isKnown()) {
      throw new IOException(real.reason());
    }
    return files.hostPath(real.value());
  }

  private void groups(Set<String> users, boolean dryRun, List<String> changes) throws IOException {
    Path etc = hostDir(ETC);
    List<String> databases = new ArrayList<>(List.of("group"));
    if (Files.exists(etc.resolve("gshadow"), LinkOption.NOFOLLOW_LINKS)) {
      databases.add("gshadow");
    }
    if (dryRun) {
      for (String db : databases) {
        GroupFile.withoutMembers(readRegular(etc.resolve(db)), db.equals("gshadow"), ADMIN_GROUPS, users,
            "/etc/" + db, changes);
      }
      return;
    }
    try (ShadowLock lock = ShadowLock.acquire(etc, databases, pid, alive, pause)) {
      for (String db : databases) {
        Path file = etc.resolve(db);
        String before = readRegular(file);
        List<String> made = new ArrayList<>();
        String after = GroupFile.withoutMembers(before, db.equals("gshadow"), ADMIN_GROUPS, users, "/etc/" + db, made);
        if (!made.isEmpty()) {
          AtomicFiles.replaceWithBackup(file, before, after);
          made.forEach(log);
          changes.addAll(made);
        }
      }
    }
  }

  /** One drop-in to rewrite: its host file, image path, what it holds now and the rewrite. */
  private record DropInEdit(Path file, ImagePath image, String text, PosixFileAttributes attrs,
      SudoersDropIn.Rewrite rewrite) {}

  /** Reads the drop-ins sudo reads and works out the rewrites; changes nothing. */
  private List<DropInEdit> planDropIns(Set<String> users, Map<String, Integer> uids, List<String> remaining)
      throws IOException {
    Fact<ImagePath> real = files.resolve(SUDOERS_D);
    Path dir = real.isKnown() ? files.hostPath(real.value()) : null;
    if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<DropInEdit> edits = new ArrayList<>();
    for (Path file : entries(dir)) {
      String name = file.getFileName().toString();
      ImagePath image = real.value().child(name);
      PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attrs.isRegularFile()) {
        if (attrs.isSymbolicLink()) {
          remaining.add(image + " is a symlink; imageprep does not rewrite through links (check it with visudo)");
        }
        continue;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      SudoersDropIn.Rewrite rewrite = SudoersDropIn.rewrite(image.toString(), text, users, uids);
      remaining.addAll(rewrite.unresolved());
      if (rewrite.changed()) {
        edits.add(new DropInEdit(file, image, text, attrs, rewrite));
      }
    }
    return edits;
  }

  /**
   * Replaces the drop-ins one by one, each rewrite checked by visudo first; then checks the whole
   * configuration and puts every drop-in back if visudo rejects it.
   */
  private void applyDropIns(List<DropInEdit> edits, List<String> changes, List<String> failures) throws IOException {
    if (edits.isEmpty()) {
      return;
    }
    // judge the configuration as found, so a problem that was already there is not blamed on the edit
    Optional<String> before = sudoers.check(Optional.empty());
    if (before.isPresent()) {
      failures.add(before.get() + " before imageprep changed anything; the drop-ins are left as they are");
      return;
    }
    Map<Path, Backup> replaced = new LinkedHashMap<>();
    List<String> made = new ArrayList<>();
    for (DropInEdit edit : edits) {
      Optional<String> problem = replaceChecked(edit.file(), edit.image(), edit.rewrite().text(), edit.attrs());
      if (problem.isPresent()) {
        failures.add(problem.get() + "; " + edit.image() + " is unchanged");
        continue;
      }
      replaced.put(edit.file(), new Backup(edit.text(), edit.attrs()));
      edit.rewrite().changes().forEach(log);
      made.addAll(edit.rewrite().changes());
    }
    if (replaced.isEmpty()) {
      return;
    }
    Optional<String> whole = sudoers.check(Optional.empty());
    if (whole.isPresent()) {
      for (Map.Entry<Path, Backup> e : replaced.entrySet()) {
        restore(e.getKey(), e.getValue());
      }
      log.accept("put back " + replaced.size() + " sudoers drop-in(s): " + whole.get());
      failures.add(whole.get() + "; the drop-ins were put back as they were");
      return;
    }
    changes.addAll(made);
  }

  /** The include directory's entries sudo reads: names without a '.' and not ending in '~'. */
  private static List<Path> entries(Path dir) throws IOException {
    Map<String, Path> sorted = new TreeMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (!name.contains(".") && !name.endsWith("~")) {
          sorted.put(name, p);
        }
      }
    }
    return List.copyOf(sorted.values());
  }

  /** Stages the new text next to the file, has visudo parse it, then renames it over the file. */
  private Optional<String> replaceChecked(Path file, ImagePath image, Optional<String> text,
      PosixFileAttributes attrs) throws IOException {
    if (text.isEmpty()) {
      Files.delete(file);
      return Optional.empty();
    }
    Path staged = file.resolveSibling(file.getFileName() + STAGING_SUFFIX);
    Files.deleteIfExists(staged);
    AtomicFiles.writeLike(staged, text.get(), attrs);
    Optional<String> problem = sudoers.check(Optional.of(image.parent().child(staged.getFileName().toString())));
    if (problem.isPresent()) {
      Files.deleteIfExists(staged);
      return problem;
    }
    Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
    return Optional.empty();
  }

  private static void restore(Path file, Backup backup) throws IOException {
    Path staged = file.resolveSibling(file.getFileName() + STAGING_SUFFIX);
    Files.deleteIfExists(staged);
    AtomicFiles.writeLike(staged, backup.text(), backup.attrs());
    Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private record Backup(String text, PosixFileAttributes attrs) {}

  /** /etc/sudoers belongs to the distribution and its admin: grants found there are reported, not edited. */
  private void mainSudoers(Set<String> users, Map<String, Integer> uids, List<String> remaining) {
    Optional<String> text = read(SUDOERS);
    if (text.isEmpty()) {
      return;
    }
    SudoersDropIn.Rewrite found = SudoersDropIn.rewrite(SUDOERS.toString(), text.get(), users, uids);
    found.changes().stream().filter(c -> !c.startsWith("removed " + SUDOERS + ":"))
        .map(c -> c.replaceFirst("^removed ", "not removed (edit /etc/sudoers with visudo): "))
        .forEach(remaining::add);
    remaining.addAll(found.unresolved());
  }

  private static String readRegular(Path file) throws IOException {
    AtomicFiles.regular(file);
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}

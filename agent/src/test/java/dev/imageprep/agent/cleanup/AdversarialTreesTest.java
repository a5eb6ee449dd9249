package dev.imageprep.agent.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.testing.LocalCli;
import dev.imageprep.agent.testing.Mounts;
import dev.imageprep.agent.testing.ReportSchema;
import dev.imageprep.agent.testing.Trees;
import dev.imageprep.rules.host.FileNames;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety rules as properties, checked on generated trees that mix what an attacker or an unlucky
 * user leaves behind: symlinks (absolute, relative, dangling, loops, into and out of the plan and out
 * of the image), hard links across the plan's boundary, bind mounts and tmpfs, FIFOs, sockets,
 * immutable files, odd names and deep nesting. After {@code clean}, nothing but the paths the report
 * says it acted on may have changed — inside the image or outside it, mounted contents included —,
 * the run ends with a report and exit 0 or 3, and never with a stack trace.
 *
 * <p>Seeded: {@code -Dimageprep.trees=N} runs more trees, {@code -Dimageprep.seed=S} starts at another
 * seed; a failure names the tree's seed, and {@code -Dimageprep.trees=1 -Dimageprep.seed=<that seed>}
 * replays it.
 */
class AdversarialTreesTest {

  static final long SEED = Long.getLong("imageprep.seed", 20261204L);
  static final int TREES = Integer.getInteger("imageprep.trees", 200);

  @TempDir
  Path tmp;

  /** How often each kind of outcome was seen over all trees: the generator must reach them all. */
  private final Map<String, Integer> seen = new TreeMap<>();

  @Test
  void cleanChangesNothingButWhatItReportsOnAnyTree() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    for (int i = 0; i < TREES; i++) {
      long seed = SEED + i;
      Path dir = Files.createDirectories(tmp.resolve("t" + i));
      try {
        oneTree(seed, dir, root);
      } catch (AssertionError | Exception e) {
        throw new AssertionError("tree with seed " + seed + " (replay: -Dimageprep.trees=1 -Dimageprep.seed=" + seed
            + "): " + e.getMessage(), e);
      } finally {
        Trees.removeDeep(dir);
      }
    }
    if (TREES >= 100) {
      List<String> kinds = new ArrayList<>(List.of("removed a symlink", "removed a name that is not UTF-8",
          "removed a tree", "failed (immutable)", "refused (hard links)"));
      if (root) {
        kinds.add("skipped (another filesystem)");
      }
      assertThat(seen).as("outcomes over %d trees", TREES).containsKeys(kinds.toArray(String[]::new));
    }
  }

  private void count(JsonNode report) {
    for (JsonNode s : report.get("cleanup")) {
      String status = s.get("status").asText();
      String reason = s.path("reason").asText("");
      String type = s.get("type").asText();
      String kind = null;
      if (status.equals("done") && type.equals("symlink")) {
        kind = "removed a symlink";
      } else if (status.equals("done") && FileNames.hasEscapedBytes(s.get("path").asText())) {
        kind = "removed a name that is not UTF-8";
      } else if (status.equals("done") && type.equals("directory")) {
        kind = "removed a tree";
      } else if (status.equals("failed") && reason.contains("not permitted")) {
        kind = "failed (immutable)";
      } else if (status.equals("skipped") && reason.contains("hard links")) {
        kind = "refused (hard links)";
      } else if (status.equals("skipped") && reason.startsWith("another filesystem")) {
        kind = "skipped (another filesystem)";
      }
      if (kind != null) {
        seen.merge(kind, 1, Integer::sum);
      }
    }
  }

  private void oneTree(long seed, Path dir, boolean root) throws Exception {
    Generator g = new Generator(new SplittableRandom(seed), dir.resolve("image"), dir.resolve("host"));
    try (Mounts mounts = root ? new Mounts() : null) {
      g.build(mounts);
      Path cwd = Files.createDirectories(dir.resolve("cwd"));
      Map<String, String> before = fingerprint(dir);
      LocalCli.Result r = new LocalCli(dir.resolve("state"), cwd)
          .run("clean", "--root", g.root.toString(), "--profile", "ec2-linux", "--yes", "--format", "json",
              "--verbose", "--state-dir", dir.resolve("state").toString());
      assertThat(r.err()).as("stderr").doesNotContain("Exception", "\tat ");
      assertThat(r.exitCode()).as(r.err()).isIn(0, 3);
      JsonNode report = ReportSchema.validated(r.out());
      count(report);
      List<Acted> acted = acted(report, g.root, dir);
      Map<String, String> after = fingerprint(dir);
      for (Map.Entry<String, String> e : before.entrySet()) {
        String path = e.getKey();
        if (acted.stream().anyMatch(a -> a.allows(path))) {
          continue;
        }
        assertThat(after.get(path)).as("%s changed, and no step of the report acted on it", show(path))
            .isEqualTo(e.getValue());
      }
      for (String path : after.keySet()) {
        assertThat(before).as("%s appeared", show(path)).containsKey(path);
      }
    } finally {
      g.release();
    }
  }

  /** A path the report says a step acted on: it (and, when removed, all below it) may change. */
  private record Acted(String path, boolean subtree) {
    boolean allows(String p) {
      return p.equals(path) || (subtree && p.startsWith(path + "/"));
    }
  }

  /** Every step that may have changed something: done, or failed half-way (a tree partly removed). */
  private static List<Acted> acted(JsonNode report, Path root, Path dir) {
    String prefix = key(root, dir);
    List<Acted> out = new ArrayList<>();
    for (JsonNode s : report.get("cleanup")) {
      String status = s.get("status").asText();
      if (status.equals("planned") || status.equals("skipped")) {
        continue;
      }
      StringBuilder p = new StringBuilder(prefix);
      for (String name : s.get("path").asText().substring(1).split("/")) {
        p.append('/').append(new String(FileNames.encode(name), StandardCharsets.ISO_8859_1));
      }
      String action = s.get("action").asText();
      out.add(new Acted(p.toString(), !action.equals("truncate") && !action.equals("reset-machine-id")));
    }
    return out;
  }

  /**
   * Every entry below {@code dir} (the image, the host folder, what is mounted in them), walked by
   * java.nio without following links: type, mode, owner, size, modification time, link target and
   * the sha256 of its content. Keys are the raw bytes of the path, one char per byte. A directory's
   * time and size change when entries are removed from it, so only its type, mode and owner count.
   */
  static Map<String, String> fingerprint(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        if (d.getFileName().toString().equals("state")) {
          return FileVisitResult.SKIP_SUBTREE; // the run's own journal and lock
        }
        out.put(key(d, dir), "dir " + owner(d));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        String what;
        if (a.isSymbolicLink()) {
          what = "link " + Files.readSymbolicLink(f).toUri().getRawPath();
        } else if (a.isRegularFile()) {
          what = "file " + a.size() + " " + a.lastModifiedTime() + " " + owner(f) + " " + sha256(f);
        } else {
          what = "other " + owner(f);
        }
        out.put(key(f, dir), what);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        out.put(key(f, dir), "unreadable " + e.getClass().getSimpleName());
        return FileVisitResult.CONTINUE;
      }
    });
    return out;
  }

  private static String owner(Path p) throws IOException {
    PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return a.permissions() + " " + a.owner().getName() + ":" + a.group().getName();
  }

  private static String sha256(Path f) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (IOException e) {
      return "unreadable";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The raw bytes of a path below {@code dir}, as a String of one char per byte. */
  static String key(Path p, Path dir) {
    String raw = p.toUri().getRawPath();
    String base = dir.toUri().getRawPath();
    String rel = raw.substring(Math.min(raw.length(), base.length()));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rel.length(); i++) {
      char c = rel.charAt(i);
      if (c == '%') {
        out.append((char) Integer.parseInt(rel, i + 1, i + 3, 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '/') {
      end--;
    }
    return "/" + out.substring(0, end);
  }

  private static String show(String key) {
    return FileNames.decode(key.getBytes(StandardCharsets.ISO_8859_1)).replace("\n", "\\n").replace("\u001b", "\\e");
  }

  /** Builds one random tree: a small Linux image, a host folder beside it, and the traps. */
  static final class Generator {
    private final SplittableRandom random;
    final Path root;
    final Path host;
    private final List<Path> files = new ArrayList<>();
    private final List<Path> immutable = new ArrayList<>();

    /** Where cleanup items act (planned) and where they must not (the rest of the image). */
    static final String[] PLANNED = {"tmp", "var/tmp", "var/lib/cloud", "var/lib/dhcp", "var/log/journal",
        "var/cache/apt/archives", "var/mail", "tmp/deep"};
    static final String[] KEPT = {"etc", "usr/share/doc", "var/lib/dpkg", "home/admin", "srv/data", "opt/app"};

    Generator(SplittableRandom random, Path root, Path host) {
      this.random = random;
      this.root = root;
      this.host = host;
    }

    void build(Mounts mounts) throws IOException, InterruptedException {
      Files.createDirectories(host.resolve("data/sub"));
      write(host.resolve("data/precious"), "host data");
      write(host.resolve("data/sub/deeper"), "host data too");
      write(host.resolve("shared"), "shared by a hard link");
      write(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
      write(root.resolve("etc/shadow"), "root:$6$salt$hash:19000:0:99999:7:::\n");
      write(root.resolve("etc/machine-id"), "0123456789abcdef0123456789abcdef\n");
      write(root.resolve("var/log/wtmp"), "login records");
      write(root.resolve("etc/ssh/ssh_host_ed25519_key"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
      Files.createDirectories(root.resolve("var/spool"));
      Files.createSymbolicLink(root.resolve("var/spool/mail"), Path.of("../mail"));
      for (String d : PLANNED) {
        Files.createDirectories(root.resolve(d));
      }
      for (String d : KEPT) {
        Files.createDirectories(root.resolve(d));
        write(root.resolve(d).resolve("keep.txt"), "kept " + d);
      }
      int n = random.nextInt(5, 40);
      for (int i = 0; i < n; i++) {
        try {
          entry(i);
        } catch (IOException e) {
          // the generator asked for something the tree cannot have (a hard link to an immutable file)
        }
      }
      if (random.nextInt(100) < 8) {
        // a deep chain where a plan removes it
        Path top = root.resolve("tmp/deep/chain");
        Files.createDirectories(top);
        Trees.deepChain(top, random.nextInt(100, 400), "bottom");
      }
      if (mounts != null) {
        traps(mounts);
      }
    }

    private void entry(int i) throws IOException, InterruptedException {
      Path dir = spot();
      Path p = child(dir, i);
      switch (random.nextInt(11)) {
        case 0, 1, 2 -> write(p, "content " + random.nextLong());
        case 3 -> {
          Path d = p;
          for (int k = random.nextInt(1, 8); k > 0; k--) {
            d = child(d, k);
          }
          write(d, "nested");
          if (random.nextBoolean()) {
            link(child(d.getParent(), 50), pick());
          }
        }
        case 4 -> link(p, pick());
        case 5 -> {
          Path target = files.isEmpty() ? null : files.get(random.nextInt(files.size()));
          if (target != null && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p,
              LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(p.getParent());
            Files.createLink(p, target); // a hard link, perhaps across the plan's boundary
          }
        }
        case 6 -> {
          if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            Trees.fifo(root, "/" + root.relativize(p));
          }
        }
        case 7 -> {
          Path sock = dir.resolve("s" + i + ".sock");
          if (sock.toString().length() < 100) { // sun_path holds 108 bytes
            try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
              s.bind(UnixDomainSocketAddress.of(sock));
            }
          }
        }
        case 8 -> {
          Path a = child(dir, i * 10 + 1);
          Path b = child(dir, i * 10 + 2);
          linkTo(a, dir.relativize(b)); // a loop of two links
          linkTo(b, dir.relativize(a));
        }
        case 9 -> {
          write(p, "immutable");
          if (random.nextInt(3) == 0 && chattr("+i", p)) {
            immutable.add(p);
          }
        }
        default -> write(p, "x".repeat(random.nextInt(0, 5000)));
      }
    }

    /** Bind mounts and tmpfs inside planned directories, and a file bind-mounted over a truncated log. */
    private void traps(Mounts mounts) throws IOException {
      if (random.nextInt(100) < 15) {
        mounts.bind(host.resolve("data"), root.resolve(PLANNED[random.nextInt(3)]).resolve("bound" + random.nextInt(9)));
      }
      if (random.nextInt(100) < 10) {
        Path t = mounts.tmpfs(root.resolve("var/tmp/ram" + random.nextInt(9)));
        write(t.resolve("in-ram"), "tmpfs content");
      }
      if (random.nextInt(100) < 8) {
        mounts.bind(root.resolve("home"), root.resolve("tmp/home-alias"));
      }
      int wtmp = random.nextInt(100);
      if (wtmp < 5) {
        mounts.bindFile(host.resolve("shared"), root.resolve("var/log/wtmp"));
      } else if (wtmp < 15) {
        Files.delete(root.resolve("var/log/wtmp"));
        Files.createLink(root.resolve("var/log/wtmp"), root.resolve("etc/shadow"));
      }
    }

    private Path spot() {
      int k = random.nextInt(10);
      if (k < 6) {
        return root.resolve(PLANNED[random.nextInt(PLANNED.length)]);
      }
      if (k < 9) {
        return root.resolve(KEPT[random.nextInt(KEPT.length)]);
      }
      return host;
    }

    /** A link target: absolute out of the image, absolute inside it, relative, dangling or itself. */
    private String pick() {
      return switch (random.nextInt(7)) {
        case 0 -> host.resolve("data").toString();
        case 1 -> host.resolve("data/precious").toString();
        case 2 -> "/etc/shadow";
        case 3 -> "../../../../../../etc";
        case 4 -> "/var/tmp";
        case 5 -> "/nonexistent/" + random.nextInt(100);
        default -> ".";
      };
    }

    /** A child with a name that is plain, odd (controls, escapes, bytes that are not UTF-8) or long. */
    private Path child(Path dir, int i) {
      byte[] name = name(i);
      return Trees.rawPath(dir, name);
    }

    private byte[] name(int i) {
      String plain = "e" + i + "-" + random.nextInt(1000);
      return switch (random.nextInt(9)) {
        case 0 -> (plain + "\nREADY").getBytes(StandardCharsets.UTF_8);
        case 1 -> ("\u001b[2J" + plain).getBytes(StandardCharsets.UTF_8);
        case 2 -> concat(plain.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xfe});
        case 3 -> ("café " + plain).getBytes(StandardCharsets.UTF_8);
        case 4 -> ("-rf " + plain).getBytes(StandardCharsets.UTF_8);
        case 5 -> (plain + "x".repeat(200)).getBytes(StandardCharsets.UTF_8);
        default -> plain.getBytes(StandardCharsets.UTF_8);
      };
    }

    private static byte[] concat(byte[] a, byte[] b) {
      byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, c, a.length, b.length);
      return c;
    }

    private void write(Path p, String content) throws IOException {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
      files.add(p);
    }

    private static void link(Path p, String target) throws IOException {
      linkTo(p, Path.of(target));
    }

    private static void linkTo(Path p, Path target) throws IOException {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, target);
      }
    }

    private static boolean chattr(String flag, Path p) throws IOException, InterruptedException {
      Process c = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
      c.getInputStream().readAllBytes();
      return c.waitFor(10, TimeUnit.SECONDS) && c.exitValue() == 0;
    }

    /** Lifts the immutable flags, so the tree can be deleted. */
    void release() throws IOException, InterruptedException {
      for (Path p : immutable) {
        chattr("-i", p);
      }
    }
  }
}

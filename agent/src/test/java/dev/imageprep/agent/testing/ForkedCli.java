package dev.imageprep.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real command line in a JVM of its own, started from this build's classes: what a second
 * process, or an unprivileged user, really gets. As {@code nobody} (with {@code setpriv}, no
 * capabilities left) the class path is a world-readable copy, since the build's own may sit under
 * root's home.
 */
public final class ForkedCli {

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  /** How long a run may take before the test gives up on it; a hang, not a speed assertion. */
  private static final long GIVE_UP_MINUTES = 10;

  private static Path readableCopy;

  private final List<String> prefix;
  private final List<String> classPath;

  private ForkedCli(List<String> prefix, List<String> classPath) {
    this.prefix = List.copyOf(prefix);
    this.classPath = List.copyOf(classPath);
  }

  /** As this test's own user. */
  public static ForkedCli asThisUser() {
    return new ForkedCli(List.of(), buildClassPath());
  }

  /** As {@code nobody:nogroup} with no supplementary groups: no root, no capabilities. */
  public static ForkedCli asNobody() {
    return new ForkedCli(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"),
        readableClassPath());
  }

  /** Starts {@code mainClass} with {@code args} in {@code workingDir}; the caller reads and waits. */
  public Process start(Path workingDir, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
        "-cp", String.join(java.io.File.pathSeparator, classPath), mainClass));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
    pb.environment().put("NO_COLOR", "1");
    return pb.start();
  }

  /** Runs {@code imageprep ARGS} to the end. */
  public Result run(Path workingDir, String... args) throws IOException, InterruptedException {
    Process p = start(workingDir, "dev.imageprep.agent.Main", args);
    p.getOutputStream().close();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    if (!p.waitFor(GIVE_UP_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("imageprep " + String.join(" ", args) + " did not end");
    }
    return new Result(p.exitValue(), out.join(), err.join());
  }

  public static CompletableFuture<String> drain(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** This test run's class path: every module's classes and the dependency jars. */
  private static List<String> buildClassPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(cp.split(java.io.File.pathSeparator)).stream().filter(e -> !e.isBlank()).toList();
  }

  /** A copy of the class path that {@code nobody} can read, made once per test JVM. */
  private static synchronized List<String> readableClassPath() {
    List<String> entries = buildClassPath();
    try {
      if (readableCopy == null) {
        readableCopy = Files.createTempDirectory("imageprep-classpath-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(readableCopy)));
        for (int i = 0; i < entries.size(); i++) {
          Path from = Path.of(entries.get(i));
          if (Files.exists(from)) {
            copyReadable(from, readableCopy.resolve(i + "-" + from.getFileName()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> copied = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Path to = readableCopy.resolve(i + "-" + Path.of(entries.get(i)).getFileName());
      if (Files.exists(to)) {
        copied.add(to.toString());
      }
    }
    return copied;
  }

  private static void copyReadable(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path d = Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path target = from.equals(file) ? to : to.resolve(from.relativize(file).toString());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the system cleans it eventually
    }
  }
}

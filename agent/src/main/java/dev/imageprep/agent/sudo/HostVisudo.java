package dev.imageprep.agent.sudo;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.ImagePath;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges sudoers syntax with this machine's own {@code visudo -c}, never with a program of the image
 * (an image that replaces its visudo would otherwise run code as root here and decide the verdict).
 * On the running system the image is this machine, and visudo checks it in place; a mounted image's
 * files are checked through a {@link SudoersMirror}, so that every include resolves inside the image.
 * Without a visudo here there is no judge, and the caller changes no sudoers file.
 */
public final class HostVisudo implements SudoersCheck {

  /** Where distributions install visudo. Fixed paths: nothing is looked up on a PATH. */
  public static final List<String> PLACES = List.of("/usr/sbin/visudo", "/usr/bin/visudo", "/sbin/visudo");
  private static final ImagePath SUDOERS = ImagePath.of("/etc/sudoers");
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final RootedFiles image;
  private final boolean offline;
  private final CommandRunner runner;
  private final List<Path> places;
  private final Path scratch;

  /**
   * @param image the image's files
   * @param offline true for a mounted image ({@code --root}), false for the running system
   * @param places where to look for this machine's visudo
   * @param scratch a directory of this machine for the private copies of a mounted image's files
   */
  public HostVisudo(RootedFiles image, boolean offline, CommandRunner runner, List<Path> places, Path scratch) {
    this.image = image;
    this.offline = offline;
    this.runner = runner;
    this.places = List.copyOf(places);
    this.scratch = scratch;
  }

  /** This machine's visudo in its usual places, copies in the temporary directory. */
  public static HostVisudo onThisMachine(RootedFiles image, boolean offline, CommandRunner runner, FileSystem fs,
      Path temp) {
    return new HostVisudo(image, offline, runner, PLACES.stream().map(fs::getPath).toList(), temp);
  }

  private Optional<Path> executable() {
    return places.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  @Override
  public Optional<String> unavailable() {
    return executable().isPresent() ? Optional.empty()
        : Optional.of("this machine has no visudo to check sudoers files with (looked in "
            + String.join(", ", places.stream().map(Path::toString).toList()) + "; install sudo here; imageprep"
            + " never runs the image's own visudo)");
  }

  @Override
  public Optional<String> check(Optional<ImagePath> file) {
    Optional<Path> visudo = executable();
    if (visudo.isEmpty()) {
      return unavailable();
    }
    String what = file.map(ImagePath::toString).orElse("the sudoers configuration");
    if (!offline) {
      List<String> command = new ArrayList<>(List.of(visudo.get().toString(), "-c"));
      file.ifPresent(f -> command.addAll(List.of("-f", f.toString())));
      return run(command, what, text -> text);
    }
    try (SudoersMirror mirror = SudoersMirror.of(image, file.orElse(SUDOERS), scratch)) {
      return run(List.of(visudo.get().toString(), "-c", "-f", mirror.entry().toString()), what,
          mirror::inImagePaths);
    } catch (SudoersMirror.Refused e) {
      return Optional.of("cannot check " + what + " with this machine's visudo: " + e.getMessage());
    } catch (IOException e) {
      return Optional.of("cannot copy " + what + " to check it: " + e.getMessage());
    }
  }

  private Optional<String> run(List<String> command, String what, java.util.function.UnaryOperator<String> names) {
    try {
      Optional<CommandRunner.Result> result = runner.run(command, LIMIT);
      if (result.isEmpty()) {
        return Optional.of("could not run " + command.get(0));
      }
      if (result.get().exitCode() != 0) {
        String says = names.apply(result.get().stdout() + result.get().stderr()).strip().replace('\n', ' ');
        return Optional.of("visudo -c rejects " + what + ": " + says);
      }
      return Optional.empty();
    } catch (CommandRunner.CommandTimeoutException e) {
      return Optional.of(e.getMessage());
    }
  }
}

package dev.imageprep.agent.sudo;

import dev.imageprep.agent.probe.common.CommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks the image's own {@code visudo -c} whether sudoers files parse: on the running system directly,
 * for a mounted image through {@code chroot}, so the image's sudo version judges the image's files
 * and its {@code @includedir /etc/sudoers.d} means the image's directory.
 */
public final class Visudo implements SudoersCheck {

  private static final List<String> PLACES = List.of("/usr/sbin/visudo", "/usr/bin/visudo", "/sbin/visudo");
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final RootedFiles files;
  private final boolean offline;
  private final CommandRunner runner;

  public Visudo(RootedFiles files, boolean offline, CommandRunner runner) {
    this.files = files;
    this.offline = offline;
    this.runner = runner;
  }

  private Optional<String> executable() {
    for (String place : PLACES) {
      Fact<Optional<FileInfo>> stat = files.stat(ImagePath.of(place));
      if (stat.isKnown() && stat.value().isPresent()) {
        return Optional.of(place);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> unavailable() {
    return executable().isPresent() ? Optional.empty()
        : Optional.of("visudo is not installed in the image (looked in " + String.join(", ", PLACES) + ")");
  }

  @Override
  public Optional<String> check(Optional<ImagePath> file) {
    Optional<String> visudo = executable();
    if (visudo.isEmpty()) {
      return unavailable();
    }
    List<String> command = new ArrayList<>();
    if (offline) {
      command.addAll(List.of("chroot", files.root().toString()));
    }
    command.addAll(List.of(visudo.get(), "-c"));
    if (file.isPresent()) {
      command.addAll(List.of("-f", file.get().toString()));
    }
    try {
      Optional<CommandRunner.Result> result = runner.run(command, LIMIT);
      if (result.isEmpty()) {
        return Optional.of("could not run " + String.join(" ", command));
      }
      if (result.get().exitCode() != 0) {
        String says = (result.get().stdout() + result.get().stderr()).strip().replace('\n', ' ');
        return Optional.of("visudo -c rejects " + file.map(ImagePath::toString).orElse("the sudoers configuration")
            + ": " + says);
      }
      return Optional.empty();
    } catch (CommandRunner.CommandTimeoutException e) {
      return Optional.of(e.getMessage());
    }
  }
}

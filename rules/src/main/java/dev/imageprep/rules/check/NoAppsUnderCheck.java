package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.UnitInfo;
import dev.imageprep.rules.model.Evidence;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nothing the system runs lives under a directory that is not captured (WorkSpaces drops {@code
 * /home}, the user volume, from the image). Looks for package-owned files there, services and
 * desktop launchers that execute from there, command links into it, and {@code PATH} entries in the
 * system profile that point into it.
 */
public final class NoAppsUnderCheck extends CheckTypeBase<NoAppsUnderCheck.Params> {

  /**
   * @param directory the directory that is not part of the image
   * @param launcherDirs directories of {@code .desktop} files
   * @param binDirs directories of commands whose symlinks are followed for their targets
   * @param profileFiles files and directories of shell start-up scripts that set {@code PATH}
   */
  public record Params(String directory, List<String> launcherDirs, List<String> binDirs, List<String> profileFiles) {
    public Params {
      directory = directory == null ? "/home" : directory;
      launcherDirs = launcherDirs == null
          ? List.of("/usr/share/applications", "/usr/local/share/applications", "/etc/xdg/autostart")
          : List.copyOf(launcherDirs);
      binDirs = binDirs == null
          ? List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin")
          : List.copyOf(binDirs);
      profileFiles = profileFiles == null
          ? List.of("/etc/environment", "/etc/profile", "/etc/profile.d", "/etc/bash.bashrc", "/etc/bashrc")
          : List.copyOf(profileFiles);
    }
  }

  private static final Pattern DESKTOP_EXEC = Pattern.compile("(?m)^\\s*(?:Try)?Exec\\s*=\\s*(.+)$");
  private static final long MAX_CONFIG_BYTES = 1 << 20;

  public NoAppsUnderCheck() {
    super("no-apps-under",
        "No package files, services, launchers, commands or PATH entries live under a directory left out of the image",
        Params.class);
  }

  @Override
  public void validate(Params p) {
    ImagePath dir = ImagePath.of(p.directory());
    if (dir.isRoot()) {
      throw new IllegalArgumentException("directory must not be /");
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    ImagePath dir = ImagePath.of(p.directory());
    String prefix = dir + "/";
    Judgement judgement = new Judgement().data("directory", dir.toString());

    Fact<List<ImagePath>> owned = context.host().packages().ownedPathsUnder(dir);
    if (judgement.sees("package databases", owned)) {
      for (ImagePath path : owned.value()) {
        if (!path.equals(dir)) {
          judgement.found(Evidence.atPath(path.toString(), "package-file", "installed by a package under " + dir));
        }
      }
    }

    Fact<List<UnitInfo>> units = context.host().services().units();
    if (judgement.sees("systemd units", units)) {
      for (UnitInfo u : units.value()) {
        for (String exec : u.execCommands()) {
          if (references(exec, dir)) {
            judgement.found(Evidence.atPath(u.fragment().toString(), "service",
                u.name() + " runs " + firstWord(exec)));
          }
        }
      }
    }

    for (String launcherDir : p.launcherDirs()) {
      forEachFile(context, ImagePath.of(launcherDir), judgement, info -> {
        if (!info.path().fileName().endsWith(".desktop")) {
          return;
        }
        text(context, info.path(), judgement).ifPresent(text -> {
          Matcher m = DESKTOP_EXEC.matcher(text);
          while (m.find()) {
            if (references(m.group(1), dir)) {
              judgement.found(Evidence.atPath(info.path().toString(), "launcher",
                  "starts " + firstWord(m.group(1))));
            }
          }
        });
      });
    }

    for (String binDir : p.binDirs()) {
      forEachFile(context, ImagePath.of(binDir), judgement, info -> {
        if (info.isSymlink() && info.linkTarget() != null) {
          ImagePath target = info.path().resolveSibling(info.linkTarget());
          if (dir.contains(target)) {
            judgement.found(Evidence.atPath(info.path().toString(), "command-link", "links to " + target));
          }
        }
      });
    }

    for (String profile : p.profileFiles()) {
      ImagePath path = ImagePath.of(profile);
      Fact<Optional<FileInfo>> stat = context.host().files().stat(path);
      if (!judgement.sees(profile, stat) || stat.value().isEmpty()) {
        continue;
      }
      if (stat.value().get().isDirectory()) {
        forEachFile(context, path, judgement, info -> scanProfile(context, info.path(), prefix, judgement));
      } else {
        scanProfile(context, path, prefix, judgement);
      }
    }

    return judgement.toOutcome(
        found -> found.size() + " reference(s) to software under " + dir + ", which is not part of the image",
        unseen -> "found nothing under " + dir + ", but could not read: " + String.join("; ", unseen),
        () -> "no package, service, launcher, command link or PATH entry points into " + dir);
  }

  private static void scanProfile(CheckContext context, ImagePath file, String prefix, Judgement judgement) {
    text(context, file, judgement).ifPresent(text -> {
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.contains("PATH") && line.contains(prefix) && !line.stripLeading().startsWith("#")) {
          judgement.found(new Evidence(file.toString(), i + 1, "path-entry", "PATH includes a directory under "
              + prefix.substring(0, prefix.length() - 1), null));
        }
      }
    });
  }

  private static boolean references(String commandLine, ImagePath dir) {
    String cmd = firstWord(commandLine.strip().replaceFirst("^[-@:+!]+", ""));
    if (!cmd.startsWith("/")) {
      return false;
    }
    try {
      return dir.contains(ImagePath.of(cmd));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String firstWord(String s) {
    String t = s.strip();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  private static Optional<String> text(CheckContext context, ImagePath path, Judgement judgement) {
    Fact<Optional<String>> text = context.host().files().readText(path, MAX_CONFIG_BYTES);
    return judgement.sees(path.toString(), text) ? text.value() : Optional.empty();
  }

  private static void forEachFile(CheckContext context, ImagePath dir, Judgement judgement,
      java.util.function.Consumer<FileInfo> action) {
    Fact<List<FileInfo>> entries = context.host().files().list(dir);
    if (judgement.sees(dir.toString(), entries)) {
      entries.value().forEach(action);
    }
  }
}

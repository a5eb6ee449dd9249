package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.AccountProbe;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.GroupEntry;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SudoersRule;
import dev.imageprep.rules.host.UserAccount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Local accounts from the image's {@code /etc/passwd}, {@code /etc/group} and sudoers files. */
public final class LinuxAccounts implements AccountProbe {

  private static final ImagePath SUDOERS = ImagePath.of("/etc/sudoers");
  private static final int MAX_INCLUDE_DEPTH = 8;

  private final ImageFiles files;

  public LinuxAccounts(ImageFiles files) {
    this.files = files;
  }

  @Override
  public Fact<List<UserAccount>> users() {
    return read("/etc/passwd").map(LinuxAccounts::parsePasswd);
  }

  @Override
  public Fact<List<GroupEntry>> groups() {
    return read("/etc/group").map(LinuxAccounts::parseGroup);
  }

  @Override
  public Fact<List<SudoersRule>> sudoers() {
    List<SudoersRule> out = new ArrayList<>();
    Optional<String> problem = readSudoers(SUDOERS, out, new HashSet<>(), 0);
    return problem.isPresent() ? Fact.unknown(problem.get()) : Fact.known(out);
  }

  private Fact<String> read(String path) {
    Fact<Optional<String>> text = files.readText(ImagePath.of(path), 16L * 1024 * 1024);
    if (!text.isKnown()) {
      return Fact.unknown(text.reason());
    }
    return text.value().isPresent() ? Fact.known(text.value().get()) : Fact.unknown(path + " does not exist");
  }

  /* Sample: "ec2-user:x:1000:1000:EC2 Default User:/home/ec2-user:/bin/bash" */
  static List<UserAccount> parsePasswd(String text) {
    List<UserAccount> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length < 7 || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
        continue;
      }
      try {
        out.add(new UserAccount(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5], f[6].strip()));
      } catch (NumberFormatException e) {
        // a malformed line names no account
      }
    }
    return out;
  }

  /* Sample: "sudo:x:27:admin,alice" */
  static List<GroupEntry> parseGroup(String text) {
    List<GroupEntry> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.split(":", -1);
      if (f.length < 4 || line.startsWith("#")) {
        continue;
      }
      try {
        List<String> members = f[3].isBlank() ? List.of() : Arrays.asList(f[3].strip().split(","));
        out.add(new GroupEntry(f[0], Integer.parseInt(f[2]), members));
      } catch (NumberFormatException e) {
        // skip malformed line
      }
    }
    return out;
  }

  private Optional<String> readSudoers(ImagePath file, List<SudoersRule> out, Set<ImagePath> seen, int depth) {
    if (depth > MAX_INCLUDE_DEPTH || !seen.add(file)) {
      return Optional.empty();
    }
    Fact<Optional<String>> text = files.readText(file, 4L * 1024 * 1024);
    if (!text.isKnown()) {
      return Optional.of(text.reason());
    }
    if (text.value().isEmpty()) {
      return Optional.empty();
    }
    String[] lines = joinContinuations(text.value().get());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String directive = line.startsWith("#include") || line.startsWith("@include") ? line.substring(1) : line;
      if (directive.startsWith("includedir")) {
        ImagePath dir = include(file, directive.substring("includedir".length()).strip());
        Fact<List<FileInfo>> entries = files.list(dir);
        if (!entries.isKnown()) {
          return Optional.of(entries.reason());
        }
        for (FileInfo e : entries.value()) {
          String name = e.path().fileName();
          // sudo skips names that end in '~' or contain a '.', so editor backups and *.rpmsave never apply
          if (!name.endsWith("~") && !name.contains(".")) {
            Optional<String> p = readSudoers(e.path(), out, seen, depth + 1);
            if (p.isPresent()) {
              return p;
            }
          }
        }
        continue;
      }
      if (directive.startsWith("include ")) {
        Optional<String> p = readSudoers(include(file, directive.substring(8).strip()), out, seen, depth + 1);
        if (p.isPresent()) {
          return p;
        }
        continue;
      }
      if (line.startsWith("#") || line.startsWith("Defaults") || line.matches("^(User|Runas|Host|Cmnd|Cmd)_Alias\\b.*")) {
        continue;
      }
      String principal = line.split("\\s+")[0];
      out.add(new SudoersRule(file, i + 1, principal, line));
    }
    return Optional.empty();
  }

  private static ImagePath include(ImagePath from, String target) {
    String t = target.replace("\"", "");
    return t.startsWith("/") ? ImagePath.of(t) : from.resolveSibling(t);
  }

  /** Joins backslash-continued lines; the lines they swallow stay as empty lines, so numbering holds. */
  static String[] joinContinuations(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int j = i;
      while (lines[i].endsWith("\\") && j + 1 < lines.length) {
        j++;
        lines[i] = lines[i].substring(0, lines[i].length() - 1) + " " + lines[j];
        lines[j] = "";
      }
      i = j;
    }
    return lines;
  }
}

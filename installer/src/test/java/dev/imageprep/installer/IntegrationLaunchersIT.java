package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.integrations.IntegrationDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet integrations run what the packages install: every imageprep launcher the SSM document,
 * the Image Builder component, the Packer template, the Ansible role and their README name is
 * resolved, links followed, against the files of each package that document installs or expects —
 * the .deb and .rpm as built, the .tar.gz unpacked the way the document itself unpacks it, and the
 * Windows zip as install.ps1 copies it into Program Files.
 */
class IntegrationLaunchersIT {

  private static final Path DOCS = IntegrationDocuments.DIR;
  private static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
      "/sbin", "/bin");
  /** Windows' default PATHEXT: what cmd.exe and PowerShell run as a program. */
  private static final List<String> PATHEXT = List.of(".com", ".exe", ".bat", ".cmd");

  @TempDir
  Path tmp;

  /** An installed Linux file tree, named for the failure messages. */
  private record Installed(String name, Path root) {}

  @Test
  void everyLauncherTheDocumentsNameIsInstalledByThePackagesTheyUse() throws Exception {
    Map<String, List<IntegrationDocuments.Command>> documents = IntegrationDocuments.commands();
    List<String> unresolved = new ArrayList<>();
    int resolved = 0;
    for (Map.Entry<String, List<IntegrationDocuments.Command>> doc : documents.entrySet()) {
      Set<String> launchers = new LinkedHashSet<>();
      doc.getValue().forEach(c -> launchers.add(c.program()));
      for (String launcher : launchers) {
        if (isWindows(launcher)) {
          Optional<String> problem = windowsProblem(launcher);
          problem.ifPresent(p -> unresolved.add(doc.getKey() + ": " + launcher + ": " + p));
        } else {
          for (Installed pkg : linuxInstalls(doc.getKey())) {
            Optional<String> problem = linuxProblem(pkg.root(), launcher);
            problem.ifPresent(p -> unresolved.add(doc.getKey() + ": " + launcher + " in the " + pkg.name() + ": " + p));
          }
        }
        resolved++;
      }
    }

    assertThat(documents.keySet()).contains("ssm/imageprep-preflight.yaml", "imagebuilder/imageprep-component.yaml",
        "packer/imageprep.pkr.hcl", "ansible/roles/imageprep/tasks/main.yml", "README.md");
    assertThat(resolved).as("launchers looked up").isGreaterThanOrEqualTo(5);
    assertThat(unresolved).isEmpty();
  }

  /** Which packages a document runs imageprep from; a new document must say. */
  private List<Installed> linuxInstalls(String document) throws Exception {
    Installed deb = new Installed(".deb", PackageContents.DEB.root());
    Installed rpm = new Installed(".rpm", PackageContents.RPM.root());
    return switch (document) {
      // "install the imageprep package first": either distribution's package
      case "ssm/imageprep-preflight.yaml", "imagebuilder/imageprep-component.yaml", "README.md" -> List.of(deb, rpm);
      case "packer/imageprep.pkr.hcl" -> List.of(packerTarball());
      // install.yml takes a .deb, an .rpm or a .tar.gz
      case "ansible/roles/imageprep/tasks/main.yml" -> List.of(deb, rpm, ansibleTarball());
      default -> throw new AssertionError(document + " runs imageprep: add which packages it installs here");
    };
  }

  /** The tarball unpacked by the Packer template's own {@code tar} command line. */
  private Installed packerTarball() throws Exception {
    String hcl = Files.readString(DOCS.resolve("packer/imageprep.pkr.hcl"), StandardCharsets.UTF_8);
    Matcher tar = Pattern.compile("tar -xzf \\S+ -C (/\\S+) --strip-components=(\\d+)").matcher(hcl);
    assertThat(tar.find()).as("the Packer template unpacks the tarball with tar -C DIR --strip-components=N")
        .isTrue();
    return unpackTarball("packer", tar.group(1), tar.group(2));
  }

  /** The tarball unpacked as the Ansible role's unarchive task does: into imageprep_install_dir. */
  private Installed ansibleTarball() throws Exception {
    String install = Files.readString(DOCS.resolve("ansible/roles/imageprep/tasks/install.yml"),
        StandardCharsets.UTF_8);
    Matcher strip = Pattern.compile("(?s)dest: \"\\{\\{ imageprep_install_dir }}\".*?extra_opts: \\[--strip-components=(\\d+)]")
        .matcher(install);
    assertThat(strip.find()).as("install.yml unarchives into imageprep_install_dir with --strip-components").isTrue();
    return unpackTarball("ansible", IntegrationDocuments.ansibleDefaults().get("imageprep_install_dir"),
        strip.group(1));
  }

  private Installed unpackTarball(String by, String dir, String strip) throws Exception {
    Path root = tmp.resolve(by);
    Path into = root.resolve(dir.substring(1));
    Files.createDirectories(into);
    Command tar = Command.run(List.of("tar", "-xzf",
        Build.TARBALL.toString(), "-C", into.toString(), "--strip-components=" + strip));
    assertThat(tar.exitCode()).as(tar.toString()).isZero();
    return new Installed(".tar.gz unpacked into " + dir + " (" + by + ")", root);
  }

  private static Optional<String> linuxProblem(Path root, String launcher) throws Exception {
    List<String> candidates = launcher.contains("/") ? List.of(launcher)
        : PATH.stream().map(dir -> dir + "/" + launcher).toList();
    for (String candidate : candidates) {
      Optional<Path> file = PackageContents.resolve(root, candidate);
      if (file.isPresent() && Files.isRegularFile(file.get())) {
        if (!Files.getPosixFilePermissions(file.get()).contains(PosixFilePermission.OWNER_EXECUTE)) {
          return Optional.of(candidate + " is not executable");
        }
        byte[] head = Files.readAllBytes(file.get());
        boolean program = (head.length > 2 && head[0] == '#' && head[1] == '!') || ElfVersionNeeds.isElf(head);
        return program ? Optional.empty() : Optional.of(candidate + " is neither a script nor an ELF program");
      }
    }
    return Optional.of("not installed" + (launcher.contains("/") ? "" : " on PATH " + PATH));
  }

  private static boolean isWindows(String launcher) {
    return launcher.matches("(?i)[a-z]:\\\\.*") || launcher.contains("\\");
  }

  /**
   * Resolves a Windows launcher against what install.ps1 copies from the zip into its install folder
   * ({@code Copy-Item ... -Destination $InstallDir}, default {@code %ProgramFiles%\imageprep}).
   */
  private static Optional<String> windowsProblem(String launcher) throws Exception {
    Path zip = PackageContents.ZIP.root().resolve("imageprep");
    String script = Files.readString(zip.resolve("install.ps1"), StandardCharsets.UTF_8).replace("`\r\n", " ")
        .replace("`\n", " ");
    Matcher dir = Pattern.compile("\\$InstallDir = \\(Join-Path \\$env:ProgramFiles '([^']+)'\\)").matcher(script);
    assertThat(dir.find()).as("install.ps1's default install folder").isTrue();
    String installDir = "C:\\Program Files\\" + dir.group(1) + "\\";
    Map<String, Path> copied = new LinkedHashMap<>();
    for (String line : script.split("\r?\n")) {
      if (line.contains("Copy-Item") && line.contains("-Destination $InstallDir")) {
        Matcher name = Pattern.compile("Join-Path \\$source '([^']+)'").matcher(line);
        while (name.find()) {
          copied.put(name.group(1).toLowerCase(Locale.ROOT), zip.resolve(name.group(1)));
        }
      }
    }
    if (!launcher.toLowerCase(Locale.ROOT).startsWith(installDir.toLowerCase(Locale.ROOT))) {
      return Optional.of("not under install.ps1's install folder " + installDir);
    }
    String[] parts = launcher.substring(installDir.length()).split("\\\\");
    Path source = copied.get(parts[0].toLowerCase(Locale.ROOT));
    if (source == null) {
      return Optional.of("install.ps1 copies only " + copied.keySet() + " into " + installDir);
    }
    for (int i = 1; i < parts.length; i++) {
      source = source.resolve(parts[i]);
    }
    String ext = launcher.substring(Math.max(0, launcher.lastIndexOf('.'))).toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(source)) {
      return Optional.of("the zip has no " + zip.getParent().relativize(source));
    }
    return PATHEXT.contains(ext) ? Optional.empty() : Optional.of("Windows does not run " + ext + " files");
  }
}

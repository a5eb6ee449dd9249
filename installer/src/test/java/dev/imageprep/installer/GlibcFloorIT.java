package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packages start on the oldest system they name: Amazon Linux 2, glibc 2.26 (the floor, set in
 * installer/pom.xml). The dynamic loader refuses a binary that needs a symbol version its glibc lacks,
 * so every x86-64 ELF file a package carries — the runtime's binaries and the native libraries inside
 * the jars — must need no {@code GLIBC_} version above the floor; and the packages must say which glibc
 * they need, in their metadata and in the README.
 */
class GlibcFloorIT {

  private static final String FLOOR = System.getProperty("imageprep.glibc.floor", "2.26");

  @TempDir
  Path tmp;

  /** The glibc-linked x86-64 ELF files of a tree, jar entries included, with what each needs. */
  private static TreeMap<String, ElfVersionNeeds> elfFiles(Path root) throws IOException {
    TreeMap<String, ElfVersionNeeds> found = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !Files.isSymbolicLink(p)).toList();
    }
    for (Path f : files) {
      String name = root.relativize(f).toString();
      byte[] head = new byte[64];
      try (InputStream in = Files.newInputStream(f)) {
        head = in.readNBytes(64);
      }
      if (ElfVersionNeeds.isElf(head)) {
        ElfVersionNeeds elf = ElfVersionNeeds.read(Files.readAllBytes(f), name);
        if (elf.x86_64()) {
          found.put(name, elf);
        }
      } else if (name.endsWith(".jar")) {
        try (ZipFile jar = new ZipFile(f.toFile())) {
          for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            byte[] bytes;
            try (InputStream in = jar.getInputStream(entry)) {
              bytes = in.readAllBytes();
            }
            if (ElfVersionNeeds.isElf(bytes)) {
              ElfVersionNeeds elf = ElfVersionNeeds.read(bytes, name + "!" + entry.getName());
              // JNA also carries FreeBSD, OpenBSD and Solaris builds for x86-64: not linked to glibc
              if (elf.x86_64() && elf.usesGlibc()) {
                found.put(name + "!" + entry.getName(), elf);
              }
            }
          }
        }
      }
    }
    return found;
  }

  private static String highest(TreeMap<String, ElfVersionNeeds> files) {
    return files.values().stream().map(e -> e.highestGlibc().orElseThrow()).max(ElfVersionNeeds.VERSION_ORDER)
        .orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(value = PackageContents.class, names = {"DEB", "RPM", "TARBALL"})
  void noBundledElfFileNeedsAGlibcNewerThanTheFloor(PackageContents pkg) throws Exception {
    TreeMap<String, ElfVersionNeeds> files = elfFiles(pkg.root());

    assertThat(files.keySet()).as("the runtime's binaries and JNA's Linux library")
        .anyMatch(f -> f.endsWith("lib/runtime/lib/server/libjvm.so"))
        .anyMatch(f -> f.endsWith("lib/runtime/bin/java"))
        .anyMatch(f -> f.endsWith("!com/sun/jna/linux-x86-64/libjnidispatch.so"));
    List<String> tooNew = new ArrayList<>();
    files.forEach((name, elf) -> {
      // fail closed: a file whose needs cannot be read is not taken for one that needs nothing
      assertThat(elf.highestGlibc()).as(name + " needs symbols from glibc: " + elf.byLibrary()).isPresent();
      assertThat(elf.byLibrary().toString()).as(name).doesNotContain("GLIBC_PRIVATE");
      String needs = elf.highestGlibc().orElseThrow();
      if (ElfVersionNeeds.VERSION_ORDER.compare(needs, FLOOR) > 0) {
        tooNew.add(name + " needs GLIBC_" + needs);
      }
    });
    assertThat(tooNew).as("x86-64 ELF files needing a glibc newer than " + FLOOR).isEmpty();
  }

  @Test
  void thePackagesStateTheGlibcTheirRuntimeNeeds() throws Exception {
    String needed = highest(elfFiles(PackageContents.DEB.root()));
    String depends = Command.run(List.of("dpkg-deb", "-f", Build.DEB.toString(), "Depends")).output();
    String requires = Command.run(List.of("rpm", "-qpR", Build.RPM.toString())).output();
    String readme = Files.readString(Build.REPO.resolve("README.md"));

    Matcher deb = Pattern.compile("libc6 \\(>= ([0-9.]+)\\)").matcher(depends);
    assertThat(deb.find()).as("Depends: " + depends).isTrue();
    Matcher rpm = Pattern.compile("(?m)^glibc >= ([0-9.]+)$").matcher(requires);
    assertThat(rpm.find()).as("Requires: " + requires).isTrue();
    assertThat(deb.group(1)).as("the .deb's libc6 and the runtime's need").isEqualTo(needed);
    assertThat(rpm.group(1)).as("the .rpm's glibc and the runtime's need").isEqualTo(needed);
    assertThat(ElfVersionNeeds.VERSION_ORDER.compare(needed, FLOOR)).isLessThanOrEqualTo(0);
    assertThat(readme).as("README states the minimum glibc").contains("glibc " + needed + " or later");
  }

  @Test
  void theBuildRefusesAJdkBuiltForANewerGlibc() throws Exception {
    // Debian 12's JDK 17 (CI installs it: it compiles the code) needs GLIBC_2.34: the runtime the
    // packages carried before they were linked from Temurin.
    Path debianJdk = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    ElfVersionNeeds libjvm = ElfVersionNeeds.read(Files.readAllBytes(debianJdk.resolve("lib/server/libjvm.so")),
        "libjvm.so");
    assertThat(ElfVersionNeeds.VERSION_ORDER.compare(libjvm.highestGlibc().orElseThrow(), FLOOR)).isPositive();

    Command build = Command.run(List.of("env", "IMAGEPREP_JDK=" + debianJdk, "bash",
        Build.REPO.resolve("installer/src/main/sh/app-image.sh").toString(),
        Build.REPO.resolve("agent/target/imageprep-agent-" + Build.VERSION + ".jar").toString(),
        Build.REPO.resolve("agent/target/lib").toString(), tmp.resolve("out").toString(), Build.VERSION, FLOOR));

    assertThat(build.exitCode()).as(build.toString()).isEqualTo(2);
    assertThat(build.output()).contains("its binaries need glibc " + libjvm.highestGlibc().orElseThrow()
        + ", newer than " + FLOOR, "install Temurin 25");
    assertThat(tmp.resolve("out/imageprep")).doesNotExist();
  }
}

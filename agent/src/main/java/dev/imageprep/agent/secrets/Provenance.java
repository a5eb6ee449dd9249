package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackagedPath;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.Severity;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a finding sits decides how much it matters. A file that a package installed and that still
 * holds exactly what the package shipped is on every machine with that package: a key in it is a
 * public test key or an example, so its findings are at most information, naming the package. A
 * changed conffile is the administrator's own configuration and stays a real finding. Files under a
 * toolchain's or package cache's test folders (the rule's {@code fixtures} globs) are public test
 * fixtures as a rule and become warnings; never under {@code /etc} or in a {@code .ssh} folder, where
 * a key is the machine's or a user's own.
 */
final class Provenance {

  private final Supplier<Fact<PackageFiles>> packages;
  private final PathPatterns fixtures;
  private Fact<PackageFiles> index;

  /**
   * @param packages the image's package file index, asked for only when a file has findings
   * @param fixtures globs of toolchain test folders and package caches
   */
  Provenance(Supplier<Fact<PackageFiles>> packages, List<String> fixtures) {
    this.packages = packages;
    this.fixtures = new PathPatterns(fixtures);
  }

  /** The findings of one file, with severities adjusted to where the file comes from. */
  List<SecretFinding> judge(ImagePath path, List<SecretFinding> findings) {
    if (findings.isEmpty()) {
      return findings;
    }
    String p = path.toString();
    Optional<String> shipped = shippedBy(path);
    if (shipped.isPresent()) {
      return findings.stream().map(f -> adjust(f, Severity.INFO, "unchanged file of package " + shipped.get()
          + ", the same on every machine with it")).toList();
    }
    if (fixtures.matches(p) && !p.startsWith("/etc/") && !p.contains("/.ssh/")) {
      return findings.stream().map(f -> adjust(f, Severity.WARNING, "looks like a public test fixture: "
          + fixtureReason(p))).toList();
    }
    return findings;
  }

  /** The package that installed this file unchanged, if one did; unknown ownership counts as not shipped. */
  private Optional<String> shippedBy(ImagePath path) {
    Fact<PackageFiles> files = index();
    if (!files.isKnown()) {
      return Optional.empty(); // fail closed: without the package database the finding keeps its weight
    }
    Optional<PackagedPath> owned = files.value().find(path);
    if (owned.isEmpty()) {
      return Optional.empty();
    }
    Fact<PackageFiles.Integrity> integrity = files.value().integrity(path);
    return integrity.isKnown() && integrity.value() == PackageFiles.Integrity.UNCHANGED
        ? Optional.of(owned.get().ownerNames()) : Optional.empty();
  }

  private synchronized Fact<PackageFiles> index() {
    if (index == null) {
      index = packages.get();
    }
    return index;
  }

  private static String fixtureReason(String path) {
    for (String marker : List.of("/node_modules/", "/.m2/repository/", "/site-packages/", "/dist-packages/",
        "/.cargo/registry/", "/go/pkg/mod/", "/.gradle/caches/", "/gems/", "/.pyenv/versions/")) {
      if (path.contains(marker)) {
        return "inside " + marker.substring(1, marker.length() - 1) + " (a toolchain or package cache)";
      }
    }
    return "in a toolchain's test folder";
  }

  /** The finding at most as severe as {@code atMost} (ERROR is the most severe), saying why. */
  private static SecretFinding adjust(SecretFinding f, Severity atMost, String why) {
    if (f.severity().ordinal() >= atMost.ordinal()) {
      return f;
    }
    return new SecretFinding(f.path(), f.line(), f.detector(), atMost, f.title() + " (" + why + ")", f.preview());
  }
}

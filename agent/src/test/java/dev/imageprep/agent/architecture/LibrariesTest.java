package dev.imageprep.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One home per third-party library, so that replacing or upgrading one touches one package: Jackson
 * in {@code json}, JNA and OSHI in the native probes. (picocli in {@code cli} is in {@link LayersTest}.)
 */
@AnalyzeClasses(packages = "dev.imageprep", importOptions = ImportOption.DoNotIncludeTests.class)
class LibrariesTest {

  /**
   * The Linux classes that call the C library where the JDK has no equivalent: opening directories
   * and files by handle ({@code openat}, {@code O_NOFOLLOW}) and finding a file's data extents
   * ({@code lseek(SEEK_DATA)}, for shredding only what a file really holds).
   */
  private static final String LINUX_NATIVE =
      "dev\\.imageprep\\.agent\\.probe\\.linux\\.handle\\.(DirHandle|FileHandle|LinuxCalls|DataExtents)(\\$.*)?";

  @ArchTest
  static final ArchRule jacksonOnlyInJson = noClasses().that().resideOutsideOfPackage("dev.imageprep.agent.json..")
      .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
      .because("the JSON shape of every output is declared in one package (mix-ins for the rules types)");

  @ArchTest
  static final ArchRule nativeCallsOnlyInNativeProbes = noClasses().that()
      .resideOutsideOfPackage("dev.imageprep.agent.probe.windows..")
      .and().haveNameNotMatching(LINUX_NATIVE)
      .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..", "oshi..")
      .because("native calls are confined to the Windows probes and, on Linux, to the few classes that call"
          + " what the JDK lacks (openat with O_NOFOLLOW, lseek with SEEK_DATA)");
}

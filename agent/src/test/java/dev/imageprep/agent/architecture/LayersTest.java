package dev.imageprep.agent.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering the code promises, checked on the compiled classes: {@code run} is the application
 * layer below the command line, so any front end can drive it; picocli stays in {@code cli}; the
 * report writers read reports and know nothing of how runs are driven.
 */
@AnalyzeClasses(packages = "dev.imageprep", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

  @ArchTest
  static final ArchRule runDoesNotDependOnCli = noClasses().that().resideInAPackage("dev.imageprep.agent.run..")
      .should().dependOnClassesThat().resideInAPackage("dev.imageprep.agent.cli..")
      .because("run/ is the application layer: workflows, verdicts, exit codes and their exceptions live below cli/");

  @ArchTest
  static final ArchRule picocliOnlyInCli = noClasses().that().resideOutsideOfPackage("dev.imageprep.agent.cli..")
      .should().dependOnClassesThat().resideInAPackage("picocli..")
      .because("the command line is one front end; everything else must work without it");

  @ArchTest
  static final ArchRule reportWritersOnlyReadReports = noClasses().that()
      .resideInAPackage("dev.imageprep.agent.report..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.imageprep.agent.cli..", "dev.imageprep.agent.run..")
      .because("a writer renders a finished report; it neither drives a run nor parses options");

  @ArchTest
  static final ArchRule rulesDoNotReachIntoTheAgent = noClasses().that().resideInAPackage("dev.imageprep.rules..")
      .should().dependOnClassesThat().resideInAPackage("dev.imageprep.agent..")
      .because("rules is the pure model below the agent");

  @ArchTest
  static final ArchRule windowsProbesDoNotUseLinuxProbes = noClasses().that()
      .resideInAPackage("dev.imageprep.agent.probe.windows..")
      .should().dependOnClassesThat().resideInAPackage("dev.imageprep.agent.probe.linux..")
      .because("what both platforms share lives in probe.common");

  /**
   * One slice per package, sub-packages included as slices of their own ({@code (**)}), so a cycle
   * between {@code probe.common} and {@code probe.linux.handle} counts as much as one between
   * {@code run} and {@code cli}.
   */
  @ArchTest
  static final ArchRule agentPackagesAreFreeOfCycles = slices().matching("dev.imageprep.agent.(**)")
      .should().beFreeOfCycles()
      .because("a package that needs another must not be needed by it, or neither can change alone");
}

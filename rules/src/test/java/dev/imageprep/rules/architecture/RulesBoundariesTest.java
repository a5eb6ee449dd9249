package dev.imageprep.rules.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imageprep.rules.check.Judgement;
import dev.imageprep.rules.check.Outcome;
import dev.imageprep.rules.model.Status;
import java.util.List;
import java.util.Map;

/**
 * What the rules module promises, checked on its compiled main classes. forbiddenapis already fails
 * the build on files, processes, the environment and the clock (config/forbidden-apis-rules.txt);
 * these rules add what a signatures file cannot say: package cycles, the network as a whole, and
 * which package may use which library.
 */
@AnalyzeClasses(packages = "dev.imageprep.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class RulesBoundariesTest {

  @ArchTest
  static final ArchRule packagesFreeOfCycles = slices().matching("dev.imageprep.rules.(*)..")
      .should().beFreeOfCycles()
      .because("each package can then be read, tested and changed from the bottom up");

  @ArchTest
  static final ArchRule noNetworkOrProcesses = noClasses().that().resideInAPackage("dev.imageprep.rules..")
      .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..", "javax.net..")
      .orShould().dependOnClassesThat().belongToAnyOf(Runtime.class, Process.class, ProcessHandle.class)
      .because("rules judges facts the agent gathered; forbiddenapis bans files and ProcessBuilder, not these");

  @ArchTest
  static final ArchRule noJackson = noClasses().that().resideInAPackage("dev.imageprep.rules..")
      .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
      .because("the report's JSON shape is the agent's concern (its json package holds the mix-ins)");

  @ArchTest
  static final ArchRule snakeYamlOnlyInYamlReaders = noClasses().that()
      .resideOutsideOfPackages("dev.imageprep.rules.catalog..", "dev.imageprep.rules.yaml..")
      .should().dependOnClassesThat().resideInAPackage("org.yaml..")
      .because("catalog reads catalog files and yaml reads other programs' YAML; nothing else parses YAML");

  @ArchTest
  static final ArchRule outcomesAreBuiltInOnePlace = noClasses().that().doNotBelongToAnyOf(Outcome.class, Judgement.class)
      .should().callConstructor(Outcome.class, Status.class, String.class, List.class, Map.class)
      .because("a check concludes through Judgement (found fails, unseen is unknown, else pass) or one of Outcome's"
          + " named results, so fail-closed is written once");

  @ArchTest
  static final ArchRule checksNameNoStatus = noClasses().that().resideInAPackage("dev.imageprep.rules.check")
      .and().doNotBelongToAnyOf(Outcome.class, Judgement.class)
      .should().dependOnClassesThat().belongToAnyOf(Status.class)
      .because("a check that picks FAIL, UNKNOWN or PASS itself re-implements Judgement");
}

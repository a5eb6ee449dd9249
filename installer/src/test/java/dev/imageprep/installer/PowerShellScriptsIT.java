package dev.imageprep.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Windows zip's PowerShell scripts parse. PSScriptAnalyzer needs PowerShell, which neither
 * Debian nor any registry this build reaches provides (npm's "pwsh" downloads it from elsewhere at
 * install time and fails), so the outside judge here is the tree-sitter PowerShell grammar, run as
 * WebAssembly under node (src/test/powershell, versions locked). It finds syntax errors, not style.
 */
class PowerShellScriptsIT {

  static final Path SCRIPTS = Build.PACKAGING.resolve("windows");
  static final Path JUDGE_SOURCE = Build.REPO.resolve("installer/src/test/powershell");
  static Path judge;

  @BeforeAll
  static void installTheJudge() throws Exception {
    assumeTrue(Command.available("node") && Command.available("npm"), "node and npm are not installed");
    judge = Build.TARGET.resolve("powershell-judge");
    Files.createDirectories(judge);
    for (String f : List.of("package.json", "package-lock.json", "check-syntax.cjs")) {
      Files.copy(JUDGE_SOURCE.resolve(f), judge.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Command npm = Command.run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"), judge);
    assertThat(npm.exitCode()).as(npm.output()).isZero();
  }

  static Command check(Path... files) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", judge.resolve("check-syntax.cjs").toString()));
    for (Path f : files) {
      command.add(f.toAbsolutePath().toString());
    }
    return Command.run(command, judge);
  }

  @Test
  void installAndUninstallParse() throws Exception {
    Command r = check(SCRIPTS.resolve("install.ps1"), SCRIPTS.resolve("uninstall.ps1"));
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("2 files, 0 errors");
  }

  @Test
  void theJudgeFindsABrokenScript() throws Exception {
    Path broken = judge.resolve("broken.ps1");
    String script = Files.readString(SCRIPTS.resolve("uninstall.ps1"));
    int last = script.lastIndexOf('}'); // the brace that closes `if ($Purge) {`
    Files.writeString(broken, script.substring(0, last) + script.substring(last + 1));
    Command r = check(broken);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).contains("broken.ps1:").contains("missing }");
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory's owner and DACL, judged from the SDDL Windows reports ("Security Descriptor
 * String Format", "ACE Strings"). The inherited DACL is the one a folder created under ProgramData
 * gets on Windows Server 2019 ({@code icacls C:\ProgramData}: Users (CI)(WD,AD,WEA,WA) on new
 * folders, which SDDL writes as DCLCRPCR).
 */
class WindowsStateDirectoryTest {

  static final String INHERITED = "O:BAD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIIOID;GA;;;CO)"
      + "(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)";
  static final String MINE = "O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)";
  static final String USER = "S-1-5-21-3623811015-3361044348-30300820-1013";

  @TempDir
  Path tmp;

  final FakeWindows windows = new FakeWindows();
  final Map<Path, String> sddl = new HashMap<>();
  final List<String> calls = new ArrayList<>();

  final SecurityApi security = new SecurityApi() {
    @Override
    public void createDirectory(String path, String wanted) throws WinError {
      Path p = Path.of(path);
      calls.add("createDirectory " + p.getFileName() + " " + wanted);
      if (Files.exists(p)) {
        throw new WinError("CreateDirectoryW", ERROR_ALREADY_EXISTS);
      }
      try {
        Files.createDirectory(p);
      } catch (IOException e) {
        throw new WinError("CreateDirectoryW", WinError.PATH_NOT_FOUND);
      }
      sddl.put(p, "O:BA" + wanted.replace("D:P(", "D:PAI("));
    }

    @Override
    public String ownerAndDacl(long handle) {
      return sddl.getOrDefault(windows.path(handle), MINE);
    }

    @Override
    public void setDacl(long handle, String wanted) {
      Path p = windows.path(handle);
      calls.add("setDacl " + p.getFileName());
      String owner = StateDirectoryPolicy.owner(ownerAndDacl(handle)).orElseThrow();
      sddl.put(p, "O:" + owner + wanted.replace("D:P(", "D:PAI("));
    }
  };

  WindowsStateDirectory state(boolean elevated) {
    return new WindowsStateDirectory(windows, security, p -> p.toAbsolutePath().normalize().toString(),
        () -> elevated, tmp.resolve("ProgramData/imageprep"));
  }

  @Test
  void anElevatedRunCreatesItForAdministratorsOnly() throws IOException {
    Path dir = tmp.resolve("ProgramData/imageprep");
    state(true).prepare(dir);
    assertThat(dir).isDirectory();
    assertThat(calls).containsExactly("createDirectory imageprep " + StateDirectoryPolicy.SDDL);
    assertThat(StateDirectoryPolicy.daclProblems(sddl.get(dir))).isEmpty();
  }

  @Test
  void aDaclInheritedFromProgramDataIsReplacedWhenAdministratorsOwnIt() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("ProgramData/imageprep"));
    sddl.put(dir, INHERITED);
    Path lock = Files.writeString(dir.resolve("imageprep.lock"), "pid 1\n");
    sddl.put(lock, "O:BAD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)");
    state(true).prepare(dir);
    assertThat(calls).contains("setDacl imageprep");
    assertThat(StateDirectoryPolicy.daclProblems(sddl.get(dir))).isEmpty();
  }

  @Test
  void aDirectoryAUserMadeOrPlantedIntoIsRefusedAndLeftAlone() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("ProgramData/imageprep"));
    sddl.put(dir, "O:" + USER + "D:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;FA;;;" + USER + ")");
    assertThatThrownBy(() -> state(true).prepare(dir)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("belongs to " + USER);
    assertThat(calls).doesNotContain("setDacl imageprep");

    sddl.put(dir, INHERITED);
    Path planted = Files.writeString(dir.resolve("journal-20260101T000000Z-4242.jsonl"), "");
    sddl.put(planted, "O:" + USER + "D:(A;;FA;;;" + USER + ")");
    Files.createSymbolicLink(dir.resolve("imageprep.lock"), tmp.resolve("Windows-System32-config-SAM"));
    assertThatThrownBy(() -> state(true).prepare(dir)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("journal-20260101T000000Z-4242.jsonl (" + USER + ")")
        .hasMessageContaining("imageprep.lock");
  }

  @Test
  void aJunctionInItsPlaceIsRefused() throws IOException {
    Files.createDirectories(tmp.resolve("ProgramData"));
    Path elsewhere = Files.createDirectories(tmp.resolve("Users/Public"));
    Path dir = windows.junction(tmp.resolve("ProgramData/imageprep"), elsewhere, false);
    assertThatThrownBy(() -> state(true).prepare(dir)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("not a plain directory");
  }

  @Test
  void aRunThatIsNotElevatedNeverCreatesTheDefaultDirectory() throws IOException {
    Path dir = tmp.resolve("ProgramData/imageprep");
    assertThatThrownBy(() -> state(false).prepare(dir)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("elevated");
    assertThat(dir).doesNotExist();
    Path mine = tmp.resolve("alice/state");
    state(false).prepare(mine);
    assertThat(mine).isDirectory();
    assertThat(calls).isEmpty();
  }

  @Test
  void daclsAreJudgedByWhoMayWrite() {
    assertThat(StateDirectoryPolicy.daclProblems(INHERITED)).containsExactly(
        "it inherits permissions from its parent", "BU may write into it (DCLCRPCR)");
    assertThat(StateDirectoryPolicy.daclProblems(MINE)).isEmpty();
    assertThat(StateDirectoryPolicy.daclProblems("O:BAD:NO_ACCESS_CONTROL")).hasSize(1);
    assertThat(StateDirectoryPolicy.daclProblems("O:BAD:P(A;OICI;FA;;;BA)(A;;0x100000;;;WD)(A;;0x2;;;AU)"))
        .containsExactly("AU may write into it (0x2)");
    assertThat(StateDirectoryPolicy.daclProblems("O:BAD:P(A;OICI;FA;;;BA)(A;OICIIO;GA;;;CO)(D;;FA;;;WD)")).isEmpty();
    assertThat(StateDirectoryPolicy.daclProblems("O:BAD:P(A;;ZZ;;;BU)")).hasSize(1); // unknown right: fail closed
    assertThat(StateDirectoryPolicy.owner("O:S-1-5-18G:SYD:P")).contains("S-1-5-18");
  }
}

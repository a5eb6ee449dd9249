package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.AgentEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What powershell.exe receives. The JDK joins the arguments into one command line (ProcessImpl.java,
 * Windows, default legacy mode: an argument with white space is wrapped in quotes, quotes inside it
 * are not escaped, trailing backslashes are doubled), and powershell.exe splits it again by the C
 * runtime's rules ("Parsing C++ command-line arguments", Microsoft C++ docs). Both are reproduced
 * here as those documents state them.
 */
class WindowsUpdatesCommandTest {

  static final String POWERSHELL = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";

  /** The script as it was passed before: one -Command argument with quotes inside. */
  static final String OLD_SCRIPT = "$ErrorActionPreference='Stop'; "
      + "$r = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()"
      + ".Search(\"IsInstalled=0 and IsHidden=0 and Type='Software'\"); "
      + "foreach ($u in $r.Updates) { 'UPDATE ' + $u.Title }; 'DONE ' + $r.Updates.Count";

  @Test
  void aScriptWithQuotesPassedAsOneArgumentArrivesBroken() {
    List<String> old = List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
        "-Command", OLD_SCRIPT);
    List<String> received = msvcSplit(jdkCommandLine(old));
    assertThat(received.subList(0, 6)).isEqualTo(old.subList(0, 6));
    assertThat(String.join(" ", received.subList(6, received.size()))).isNotEqualTo(OLD_SCRIPT)
        .doesNotContain("\"IsInstalled=0");
  }

  @Test
  void theEncodedScriptArrivesIntactFromTheFullPath() {
    List<String> command = new WindowsUpdates((c, t) -> java.util.Optional.empty(), POWERSHELL).command();
    assertThat(command.get(0)).isEqualTo(POWERSHELL);
    assertThat(msvcSplit(jdkCommandLine(command))).isEqualTo(command);
    String encoded = command.get(command.indexOf("-EncodedCommand") + 1);
    assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE))
        .isEqualTo(WindowsUpdates.SCRIPT);
    assertThat(WindowsUpdates.SCRIPT).contains("[Console]::OutputEncoding", "CategoryID");
  }

  @Test
  void withoutTheKnownFolderSystemRootIsUsedWhateverItsCase() {
    // Shell32 is not there off Windows, as it would not be if SHGetKnownFolderPath failed
    assertThat(WindowsUpdates.systemPowerShell(AgentEnvironment.environment(Map.of("SYSTEMROOT", "D:\\Windows"),
        true))).isEqualTo("D:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
  }

  /** ProcessImpl.createCommandLine with VERIFICATION_LEGACY, and the executable path quoted if needed. */
  static String jdkCommandLine(List<String> cmd) {
    StringBuilder sb = new StringBuilder(needsQuotes(cmd.get(0)) ? "\"" + cmd.get(0) + "\"" : cmd.get(0));
    for (String s : cmd.subList(1, cmd.size())) {
      sb.append(' ');
      if (needsQuotes(s)) {
        sb.append('"').append(s);
        int trailing = 0;
        for (int j = s.length() - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
          trailing++;
        }
        sb.append("\\".repeat(trailing)).append('"');
      } else {
        sb.append(s);
      }
    }
    return sb.toString();
  }

  /** needsEscaping(VERIFICATION_LEGACY, arg): empty, or white space outside an already quoted arg. */
  private static boolean needsQuotes(String s) {
    if (s.isEmpty()) {
      return true;
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return false;
    }
    return s.chars().anyMatch(c -> Character.isSpaceChar(c) || Character.isWhitespace(c));
  }

  /**
   * The C runtime's argv: white space separates arguments outside quotes; 2n backslashes before a
   * quote give n backslashes and the quote toggles quoting; 2n+1 give n and a literal quote; "" inside
   * quotes is a literal quote; other backslashes are literal. The program name ends at the first
   * white space outside quotes, with no escapes.
   */
  static List<String> msvcSplit(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    StringBuilder program = new StringBuilder();
    boolean quoted = false;
    for (; i < line.length() && (quoted || line.charAt(i) != ' ' && line.charAt(i) != '\t'); i++) {
      if (line.charAt(i) == '"') {
        quoted = !quoted;
      } else {
        program.append(line.charAt(i));
      }
    }
    out.add(program.toString());
    while (true) {
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      if (i >= line.length()) {
        return out;
      }
      StringBuilder arg = new StringBuilder();
      quoted = false;
      while (i < line.length() && (quoted || line.charAt(i) != ' ' && line.charAt(i) != '\t')) {
        char c = line.charAt(i);
        if (c == '\\') {
          int n = 0;
          while (i < line.length() && line.charAt(i) == '\\') {
            n++;
            i++;
          }
          if (i < line.length() && line.charAt(i) == '"') {
            arg.append("\\".repeat(n / 2));
            if (n % 2 == 1) {
              arg.append('"');
              i++;
            }
          } else {
            arg.append("\\".repeat(n));
          }
        } else if (c == '"') {
          if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            arg.append('"');
            i += 2;
          } else {
            quoted = !quoted;
            i++;
          }
        } else {
          arg.append(c);
          i++;
        }
      }
      out.add(arg.toString());
    }
  }
}

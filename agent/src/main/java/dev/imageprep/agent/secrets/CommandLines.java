package dev.imageprep.agent.secrets;

import java.util.List;

/**
 * Passwords typed on command lines, as shell histories, scripts, unit files and PowerShell
 * transcripts keep them: the client's own password flag ({@code mysql -pX}, {@code sshpass -p},
 * {@code curl -u user:pass}, {@code gpg --passphrase}, PsExec {@code -p}), and PowerShell's
 * {@code ConvertTo-SecureString 'x' -AsPlainText} and PowerCLI's {@code Connect-VIServer -Password}.
 */
final class CommandLines {

  /** A value on a command line: quoted, or up to the next blank; never a variable or another flag. */
  private static final String VALUE = "(?:\"(?<dq>[^\"$\\n]{1,256})\"|'(?<sq>[^'\\n]{1,256})'|(?<secret>[^\\s'\"$-][^\\s'\"]{0,255}))";

  private CommandLines() {}

  static List<Detector> detectors() {
    DetectorKind kind = BuiltInDetectors.COMMAND_LINE;
    return List.of(
        PatternDetector.of(kind, "\\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\\b[^\\n|;&]*?\\s-p"
            + "(?<secret>[^\\s'\"$-][^\\s'\"]*)")
            .keywords("mysql", "mariadb").build(),
        PatternDetector.of(kind, "\\bsshpass\\s+(?:-[a-zA-Z]+\\s+\\S+\\s+)*-p\\s*[\"']?(?<secret>[^\\s'\"]+)")
            .keywords("sshpass").build(),
        PatternDetector.of(kind, "\\b(?:curl|wget)\\b[^\\n|;&]*?\\s(?:-u|--user)[ =]?[\"']?[^\\s:'\"]+:"
            + "(?<secret>[^\\s'\"]+)")
            .keywords("curl", "wget").build(),
        PatternDetector.of(kind, "\\b(?:docker|podman|nerdctl)\\s+login\\b[^\\n|;&]*?\\s(?:-p|--password)[ =]"
            + "[\"']?(?<secret>[^\\s'\"]+)")
            .keywords(" login").build(),
        PatternDetector.of(kind, "-pass(?:in|out)?\\s+[\"']?pass:(?<secret>[^\\s'\"]+)")
            .keywords("pass:").build(),
        // any client's long flag with a separate value: mysql --password X, gpg --passphrase X, ldapsearch -w is too short
        PatternDetector.of(kind, "(?<![\\w-])--(?:password|passwd|passphrase|db-password)(?:[ \\t]+|=)" + VALUE)
            .keywords("--pass", "--db-password").groups("dq", "sq", "secret").build(),
        PatternDetector.of(kind, "(?i)\\bpsexec(?:64)?(?:\\.exe)?\\b[^\\n|;&]*?\\s[-/]p\\s+" + VALUE)
            .keywords("psexec").groups("dq", "sq", "secret").build(),
        PatternDetector.of(kind, "(?i)ConvertTo-SecureString\\s+(?:-String\\s+)?(?:\"(?<dq>[^\"$\\n]{1,256})\""
            + "|'(?<sq>[^'\\n]{1,256})')[^\\n|]*?-AsPlainText")
            .keywords("convertto-securestring").groups("dq", "sq").build(),
        PatternDetector.of(kind, "(?i)Connect-VIServer\\b[^\\n|]*?-Password\\s+" + VALUE)
            .keywords("connect-viserver").groups("dq", "sq", "secret").build());
  }
}

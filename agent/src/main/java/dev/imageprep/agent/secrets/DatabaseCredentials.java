package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.Severity;
import java.util.List;

/**
 * Database and storage credentials in the forms administrators write them: SQL statements that
 * set a password ({@code CREATE USER … IDENTIFIED BY '…'}, PostgreSQL's {@code WITH PASSWORD '…'})
 * and connection strings (Azure storage {@code AccountKey=}, Service Bus {@code SharedAccessKey=}).
 * ODBC and ADO.NET {@code Password=}/{@code Pwd=} pairs are settings, which the assignment detector
 * reads; database URIs with a password are URL credentials.
 */
final class DatabaseCredentials {

  static final DetectorKind SQL = new DetectorKind("sql-password", "Password in an SQL statement", Severity.ERROR,
      "MySQL Reference Manual, CREATE USER (IDENTIFIED BY); PostgreSQL documentation, CREATE ROLE (PASSWORD)");
  static final DetectorKind AZURE = new DetectorKind("azure-storage-key", "Azure storage or Service Bus key in a"
      + " connection string", Severity.ERROR, "Microsoft Learn, Configure Azure Storage connection strings"
      + " (AccountKey=); detect-secrets AzureStorageKeyDetector; Nosey Parker np.azure.1");

  private DatabaseCredentials() {}

  static List<Detector> detectors() {
    return List.of(
        // a statement that creates or changes an account, not prose ("a library identified by 'name'")
        PatternDetector.of(SQL, "(?i)\\b(?:create|alter|grant)\\b[^;\\n]{0,200}?\\bidentified\\s+(?:with\\s+\\S+\\s+)?by\\s+"
            + "(?:password\\s+)?"
            + "(?:'(?<sq>[^'\\n]{1,128})'|\"(?<dq>[^\"\\n]{1,128})\")")
            .keywords("identified").groups("sq", "dq").build(),
        PatternDetector.of(SQL, "(?i)\\b(?:with|login|encrypted|unencrypted|role|user)\\b[^\\n;'\"]{0,80}?\\bpassword\\s+"
            + "(?:'(?<sq>[^'\\n]{1,128})'|\"(?<dq>[^\"\\n]{1,128})\")")
            .keywords("password '", "password \"").groups("sq", "dq").build(),
        PatternDetector.of(AZURE, "(?i)\\b(?:AccountKey|SharedAccessKey)\\s*=\\s*(?<secret>[A-Za-z0-9+/]{40,}={0,2})")
            .keywords("accountkey", "sharedaccesskey").minEntropy(4).build());
  }
}

package dev.imageprep.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
import dev.imageprep.rules.host.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each detector family on one line that it must find and near misses it must not: the same
 * keyword or shape with a value that is not a secret (wrong length, wrong alphabet, a variable, a
 * flag without its value, a word).
 */
class DetectorFamiliesTest {

  private static List<SecretFinding> scan(String path, String content) {
    DetectorSet set = DetectorSet.builtIn();
    return set.scan(ImagePath.of(path), FileText.of(path, content + "\n"), set.newFindings());
  }

  @ParameterizedTest(name = "{0} finds {2}")
  @CsvSource(delimiter = '|', value = {
      "/etc/app.conf | password:Hunter2Zq9 | password-assignment",
      "/etc/app.conf | db_pw = Hunter2Zq9 | password-assignment",
      "/etc/app.conf | DBPASS=Hunter2Zq9 | password-assignment",
      "/etc/app.conf | smtp_pswd: Hunter2Zq9 | password-assignment",
      "/opt/x/config.h | #define ADMIN_PASSWORD \"Hunter2Zq9\" | password-assignment",
      "/opt/x/db.py | def connect(password: str = \"Hunter2Zq9\"): | password-assignment",
      "/opt/x/Db.kt | val dbPassword: String = \"Hunter2Zq9\" | password-assignment",
      "/srv/init.sql | CREATE USER 'app'@'%' IDENTIFIED BY 'Hunter2Zq9'; | sql-password",
      "/srv/init.sql | ALTER ROLE app WITH ENCRYPTED PASSWORD 'Hunter2Zq9'; | sql-password",
      "/root/.bash_history | mysql -u root --password Hunter2Zq9 app | command-line-password",
      "/root/.bash_history | gpg --batch --passphrase 'Hunter2 Zq9' -d x.gpg | command-line-password",
      "/root/.bash_history | psexec \\\\web01 -u admin -p Hunter2Zq9 cmd | command-line-password",
      "/srv/a.ps1 | ConvertTo-SecureString 'Hunter2Zq9' -AsPlainText -Force | command-line-password",
      "/srv/a.ps1 | Connect-VIServer -Server vc -User root -Password \"Hunter2Zq9\" | command-line-password",
      "/etc/app.conf | Server=sql01;Database=app;User Id=sa;Password=Hunter2Zq9;Encrypt=yes | password-assignment",
      "/etc/app.conf | DSN=Driver={PostgreSQL};Server=db;Uid=app;Pwd=Hunter2Zq9; | password-assignment",
      "/etc/app.conf | url = mongodb+srv://app:Hunter2Zq9@cluster0.example.net/db | url-credentials",
      "/etc/app.conf | amqp://guest2:Hunter2Zq9@mq.internal:5672/ | url-credentials",
      "/etc/app.conf | REDIS=redis://:Hunter2Zq9@cache:6379/0 | url-credentials",
      "/etc/app.conf | glrt-Xq7vB2mN9pL4kR8sT1wZ3c | gitlab-token",
      "/etc/app.conf | GR1348941Xq7vB2mN9pL4kR8sT1wZ | gitlab-token",
      "/etc/app.conf | dckr_pat_Xq7vB2mN9pL4kR8sT1wZ3cY5uH0 | docker-hub-token",
      "/etc/app.conf | hvs.CAESIXq7vB2mN9pL4kR8sT1wZ3cY5uH0jG6fD2aQ8eW4rT7yU1i | vault-token",
      "/etc/app.conf | kubeadm join 10.0.0.1:6443 --token 7f3kq2.x9v4m8p2r6t1w5z3 | kubernetes-bootstrap-token",
      "/etc/app.conf | DefaultEndpointsProtocol=https;AccountName=x;AccountKey=Xq7vB2mN9pL4kR8sT1wZ3cY5uH0jG6fD2aQ8eW4rT7yU1iO3pA5sD7fG9hJ2kL4zX6cV8bN0mQ2wE4rT6yU8iO0pA== | azure-storage-key",
      "/etc/app.jwk | {\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"d\":\"jpsQnnGQmL-YBIffH1136cLTOTkTtDrU8d6k1ZzSQxg\"} | jwk-private-key",
      "/var/log/x.log | 10:00:01 DEBUG tls - -----BEGIN PRIVATE KEY----- | -",
      "/etc/app.yaml | apiToken: dt0c01.K7QX2MZ9VW4RT8PL3NB6HJ5D.Q2W8E4R6T1Y9U3I7O5P0A2S4D6F8G1H3J5K7L9Z2X4C6V8B1N3M5Q7W9E2R4T6Y8 | dynatrace-token",
      "/opt/x/build.gradle | buildConfigField 'String', 'API_KEY', '\"7f3c9e1a5b2d4f6e8a0c1e3f5a7b9d2c\"' | secret-assignment",
      "/opt/x/dump.txt | //db\\r\\n$password = \\\"Hunter2Zq9\\\"; | password-assignment",
      "/etc/app.conf | Server=sql01;User Id=sa;Password=secret;Encrypt=yes | weak-password",
      "/etc/app.conf | url = postgresql://app:secret@db.internal/app | weak-password",
      "/opt/x/mail.php | $mail->Password = 'secret'; | weak-password",
      "/srv/a.ps1 | New-Object DirectoryServices.DirectoryEntry(\"LDAP://dc1\", \"corp\\svc\", \"password\") | weak-password",
      "/etc/app.env | DO_TOKEN=doo_v1_3c9e1a5b2d4f6e8a0c1e3f5a7b9d2c4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c | digitalocean-token",
      "/etc/app.env | X=k3Vq9ZpLm2WAAAAAAAAAAbT7yHn4Rc8Xs1Df6Gj0Kl5Mq2Nw9Pe3Uv7Zt4Ya8Bi6 | dropbox-token",
      "/etc/app.env | BT=access_token$sandbox$k3vq9zplm2wt7yhn$3c9e1a5b2d4f6e8a0c1e3f5a7b9d2c4e | braintree-token",
      "/etc/app.env | JIRA_TOKEN: Zq8vN2pLk4Rt7YwXq7vB2mN9 | atlassian-legacy-token",
      "/root/notes.txt | web01 user/pass: root,Hunter2Zq9 | credential-pair",
      "/root/notes.txt | Secret Key:Zq8vN2pLk4Rt7Yw | secret-assignment",
      "/root/notes.txt | access_token:Zq8vN2pLk4Rt7Yw | secret-assignment",
      "/root/notes.txt | -pwd:Hunter2Zq9 | password-assignment",
      "/etc/app.xml | <password encrypted=\"false\">Hunter2Zq9</password> | password-assignment",
  })
  void findsTheFamily(String path, String line, String detector) {
    List<SecretFinding> found = scan(path, line);
    if (detector.equals("-")) {
      assertThat(found).isEmpty(); // a BEGIN line alone (no key material) is a stub, not a key
    } else {
      assertThat(found).extracting(SecretFinding::detector).contains(detector);
    }
  }

  @ParameterizedTest(name = "{0}: not a secret")
  @CsvSource(delimiter = '|', value = {
      "/etc/app.conf | bypass = Hunter2Zq9",
      "/etc/app.conf | compass: Hunter2Zq9",
      "/etc/app.xml | <settings pass=\"oobeSystem\">",
      "/etc/app.conf | password_min_length: 12",
      "/opt/x/config.h | #define PASSWORD_MAX_LENGTH 64",
      "/opt/x/db.py | def connect(password: str = None):",
      "/opt/x/db.py | password: str = os.environ['DB_PASSWORD']",
      "/srv/init.sql | ALTER USER app IDENTIFIED BY PASSWORD;",
      "/srv/init.sql | -- remember the password 'for' later",
      "/root/.bash_history | mysql -u root --password app",
      "/root/.bash_history | mysql --password=$DB_PASSWORD app",
      "/root/.bash_history | gpg --passphrase-fd 0 -d x.gpg",
      "/root/.bash_history | psexec \\\\web01 -s cmd",
      "/srv/a.ps1 | ConvertTo-SecureString $plain -AsPlainText -Force",
      "/srv/a.ps1 | Connect-VIServer -Server vc -Credential $cred",
      "/etc/app.conf | glpat-short",
      "/etc/app.conf | dckr_pat_",
      "/etc/app.conf | version: 1a2b3c.d4e5f6g7h8i9j0k1",
      "/etc/app.conf | AccountKey=<storage-key>",
      "/etc/app.jwk | {\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\"}",
      "/etc/app.conf | hf_hub_download_directory_name_here",
      "/etc/app.conf | PrivateKey = (hidden)",
      "/etc/postgresql/15/main/postgresql.conf | #password_encryption = scram-sha-256\t# scram-sha-256 or md5",
      "/opt/x/configure | ac_pwd_ls_di=`cd \"$ac_pwd\" && ls -di .` ||",
      "/opt/x/api.txt | Load and return a dynamic library identified by 'name'.",
      "/opt/x/app.txt | self.password = config['password']",
      "/opt/x/app.txt | passphrase = _ffi.NULL",
      "/opt/x/app.txt | errors = {'MISSING_PASSPHRASE': GpgMissingPassPhrase,",
      "/opt/x/app.txt | const password = 'Password used to generate key';",
      "/etc/app.yaml | apiToken: dt0c01.K7QX2MZ9VW4RT8PL3NB6HJ5D.Q2W8E4R6T1Y9U3I7O5P0A2S4D6F8G1H3",
      "/etc/app.yaml | apiToken: dt0c01.K7QX2MZ9VW4RT8PL3NB6HJ5D.q2w8e4r6t1y9u3i7o5p0a2s4d6f8g1h3j5k7l9z2x4c6v8b1n3m5q7w9e2r4t6y8",
      "/opt/x/build.gradle | buildConfigField 'String', 'API_KEY', '\"REPLACE_WITH_YOUR_KEY\"'",
      "/opt/x/build.gradle | buildConfigField 'boolean', 'USE_TOKEN', 'true'",
      "/opt/x/build.gradle | buildConfigField 'String', 'BASE_URL', '\"7f3c9e1a5b2d4f6e8a0c1e3f5a7b9d2c\"'",
      "/opt/x/App.java | String userid = \"userid\"; String password = \"password\";",
      "/etc/app.conf | password = password",
      "/etc/app.conf | # password = secret",
      "/opt/x/README.md | Password=secret;",
      "/opt/x/install.rst | postgresql://app:secret@localhost/app",
      "/usr/local/man/man5/app.conf.5 | password = secret",
      "/etc/app.conf | Server=sql01;User Id=sa;Password=myPassword;",
      "/etc/app.conf | Password=YOUR_PASSWORD;",
      "/opt/x/db.py | connect(password=secret)",
      "/etc/app.conf | client_secret = secret",
      "/opt/x/url.py | 'http://username:password@host.com:80/path?query#fragment'",
      "/opt/x/test_db.py | db_password = 'secret'",
      "/etc/app.conf | # url = postgresql://app:secret@db.internal/app",
      "/opt/x/client.txt | self.password = password",
      "/opt/x/client.txt | self._passphrase = passphrase",
      "/opt/x/client.txt | self._client_cert_passphrase = password",
      "/opt/x/notes.conf | $ua->proxy('http://username:password@proxy.myorg.com');",
      "/opt/x/notes.conf | {{ 'ftp://admin:secret@example.com/path/to/myfile.yml' is url }}",
      "/etc/app.env | X=dop_v1_3c9e1a5b2d4f6e8a0c1e3f5a7b9d2c4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5",
      "/etc/app.env | X=aaaaaaaaaaaAAAAAAAAAAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "/etc/app.env | JIRA_PROJECT_KEY=abcdefghijklmnopqrstuvwx",
      "/etc/app.env | CONFLUENCE_SPACE=Zq8vN2pLk4Rt7YwXq7vB2mN9Zq8vN2pLk4Rt7YwXq7vB",
      "/etc/app.env | MWS=amzn.mws.not-a-token",
      "/root/notes.txt | build ID/PW: admin/****",
      "/root/notes.txt | ID/PW: see the vault",
      "/opt/x/arn.txt | arn:aws:secretsmanager:us-west-2:123456789012:secret:MySecret1-a1b2c3",
      "/root/notes.txt | token:abc",
      "/etc/app.xml | <password value=\"x\"/>",
  })
  void nearMissesAreNotFindings(String path, String line) {
    assertThat(scan(path, line)).isEmpty();
  }

  @Test
  void aCommonWordPasswordIsAWarningAndARandomOneAnError() {
    assertThat(scan("/etc/app.conf", "db_password = secret")).extracting(SecretFinding::detector, SecretFinding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("weak-password", Severity.WARNING));
    assertThat(scan("/etc/app.conf", "db_password = Hunter2Zq9")).extracting(SecretFinding::detector,
        SecretFinding::severity).containsExactly(org.assertj.core.groups.Tuple.tuple("password-assignment", Severity.ERROR));
    // a specific detector on the same line wins over the weak-password warning
    assertThat(scan("/etc/app.conf", "password = secret; AKIAZHQQ2TPVD6PUYAXH")).extracting(SecretFinding::detector)
        .containsExactly("aws-access-key-id");
  }

  @Test
  void aCommentEndsAtAnEscapedLineBreak() {
    // one line of a JSON or log dump holds several lines of code: only the first is the comment
    // (a commented-out setting whose value is a plain word documents it; see accepts)
    assertThat(scan("/opt/x/dump.txt", "//db settings\\n$password = goodspec;")).extracting(SecretFinding::detector)
        .containsExactly("password-assignment");
    assertThat(scan("/opt/x/dump.txt", "// $password = goodspec; see \\n")).isEmpty();
  }

  @Test
  void aGithubTokenWithItsCrc32IsAnErrorAndOneWithout() {
    // a public example token from Nosey Parker's github.yml whose checksum is right, and the same one altered
    String real = "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";
    String altered = "ghp_ZJDeVREhkptGF7Wvep0NwJWlPEQP7a0t2nxM";

    assertThat(Checksums.base62Crc32(real)).isTrue();
    assertThat(Checksums.base62Crc32(altered)).isFalse();
    assertThat(scan("/etc/env", "T=" + real)).extracting(SecretFinding::severity).containsExactly(Severity.ERROR);
    assertThat(scan("/etc/env", "T=" + altered)).extracting(SecretFinding::severity).containsExactly(Severity.WARNING);
  }

  @Test
  void wireguardKeysMustBe32BytesToBlock() {
    assertThat(scan("/etc/wireguard/wg0.conf", "PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="))
        .extracting(SecretFinding::severity).containsExactly(Severity.ERROR);
    // 43 base64 characters whose last one carries bits a 32-byte key cannot have
    assertThat(scan("/etc/wireguard/wg0.conf", "PrivateKey = AsaFot43bfs1fEWjvtty+rGcjh3rP1H6sug1l3u19ix="))
        .extracting(SecretFinding::severity).containsExactly(Severity.WARNING);
  }

  @Test
  void ageAndNkeySeedsNeedTheirChecksums() {
    // the age specification's test identity (32 bytes of 0x42), and the same with its last character changed
    String age = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
    String altered = age.substring(0, age.length() - 1) + "Y";
    assertThat(Checksums.bech32(age)).isTrue();
    assertThat(scan("/root/keys.txt", age)).extracting(SecretFinding::severity).containsExactly(Severity.ERROR);
    assertThat(scan("/root/keys.txt", altered)).extracting(SecretFinding::severity).containsExactly(Severity.WARNING);
    // right shape, wrong CRC: 58 upper-case characters are too common to report without it
    assertThat(scan("/root/u.nk", "SUAKKTOKDASTBOY5NUJSZXWWEN5S5WI6H5ZB7SYZOELUJFGWJE6J2XGCOY")).isEmpty();
    assertThat(scan("/root/u.nk", "SUAKKTOKDASTBOY5NUJSZXWWEN5S5WI6H5ZB7SYZOELUJFGWJE6J2XGBOY"))
        .extracting(SecretFinding::detector).containsExactly("nats-nkey-seed");
  }

  @Test
  void privateKeysInArmourLogsAndStrings() {
    String body = "lQOYBGVpYzIBCADFx2n7H4s8mR1qWv0Zt3Kp9Lx6Yc5Nb2Ud8Ea4Fg7Hj1Ik3Ml5No7Pq9Rs2Tu4Vw6Xy8Za0Bc2De4Fg6Hi8Jk0L";
    String pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + body + "\n" + body + "\n=Ab1c\n"
        + "-----END PGP PRIVATE KEY BLOCK-----\n";
    assertThat(scan("/root/secret.asc", pgp)).extracting(SecretFinding::detector).containsExactly("private-key");
    String logged = "10:00:01 INFO tls - -----BEGIN PRIVATE KEY-----\n10:00:01 INFO tls - " + body + "\n"
        + "10:00:01 INFO tls - " + body + "\n10:00:01 INFO tls - -----END PRIVATE KEY-----\n";
    assertThat(scan("/var/log/app.log", logged)).extracting(SecretFinding::detector).containsExactly("private-key");
    String json = "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + body + "\\n" + body
        + "\\n-----END PRIVATE KEY-----\\n\"}";
    assertThat(scan("/opt/sa.json", json)).extracting(SecretFinding::detector).containsExactly("private-key");
  }

  @Test
  void stripePublishableKeysAreOnlyInformation() {
    assertThat(scan("/etc/env", "STRIPE_PK=pk_live_51Hq7vB2mN9pL4kR8sT1wZ3cY5uH0"))
        .extracting(SecretFinding::severity).containsExactly(Severity.INFO);
  }
}

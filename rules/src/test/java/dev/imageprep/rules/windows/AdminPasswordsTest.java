package dev.imageprep.rules.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imageprep.rules.windows.AdminPasswords.Format;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminPasswordsTest {

  static final String SECRET = "Sup3r-S3cret!";

  /** EC2Launch v1's LaunchConfig.json as its settings tool writes it. */
  static final String LAUNCH_CONFIG = """
      {
          "setComputerName":  false,
          "setMonitorAlwaysOn":  true,
          "setWallpaper":  true,
          "addDnsSuffixList":  true,
          "extendBootVolumeSize":  true,
          "handleUserData":  true,
          "adminPasswordType":  "Specify",
          "adminPassword":  "Sup3r-S3cret!"
      }
      """;

  static final String AGENT_CONFIG = """
      version: 1.0
      config:
      - stage: boot
        tasks:
        - task: extendRootPartition
      - stage: preReady
        tasks:
        - task: setAdminAccount
          inputs:
            name: Administrator
            password:
              type: static
              data: Sup3r-S3cret!
      - stage: postReady
        tasks:
        - task: startSsm
      """;

  static final String UNATTEND = """
      <?xml version="1.0" encoding="utf-8"?>
      <unattend xmlns="urn:schemas-microsoft-com:unattend">
        <settings pass="oobeSystem">
          <component name="Microsoft-Windows-Shell-Setup">
            <UserAccounts>
              <AdministratorPassword>
                <Value>Sup3r-S3cret!</Value>
                <PlainText>true</PlainText>
              </AdministratorPassword>
              <LocalAccounts>
                <LocalAccount wcm:action="add">
                  <Password>
                    <Value>UABhAHMAcwB3AG8AcgBkAA==</Value>
                    <PlainText>false</PlainText>
                  </Password>
                </LocalAccount>
              </LocalAccounts>
            </UserAccounts>
            <AutoLogon><Password><Value></Value></Password></AutoLogon>
          </component>
        </settings>
      </unattend>
      """;

  @Test
  void findsTheLaunchConfigPasswordWithoutShowingIt() throws Exception {
    AdminPasswords.Settings s = AdminPasswords.read(Format.LAUNCH_CONFIG_JSON, LAUNCH_CONFIG);
    assertThat(s.policy()).contains("Specify");
    assertThat(s.policyLine()).isEqualTo(8);
    assertThat(s.secrets()).singleElement().satisfies(secret -> {
      assertThat(secret.line()).isEqualTo(9);
      assertThat(secret.redacted()).doesNotContain(SECRET).contains("13 characters");
    });
  }

  @Test
  void findsTheAgentConfigPassword() throws Exception {
    AdminPasswords.Settings s = AdminPasswords.read(Format.AGENT_CONFIG_YAML, AGENT_CONFIG);
    assertThat(s.policy()).contains("static");
    assertThat(s.secrets()).singleElement().satisfies(secret -> assertThat(secret.line()).isEqualTo(13));
    assertThat(AdminPasswords.read(Format.AGENT_CONFIG_YAML, AGENT_CONFIG.replace("type: static", "type: random")
        .replace("      data: Sup3r-S3cret!\n", "")).secrets()).isEmpty();
  }

  @Test
  void findsClearAndEncodedAnswerFilePasswordsButNotEmptyOnes() throws Exception {
    AdminPasswords.Settings s = AdminPasswords.read(Format.UNATTEND_XML, UNATTEND);
    assertThat(s.secrets()).extracting(AdminPasswords.Secret::kind)
        .containsExactly("unattend-clear-text-password", "unattend-encoded-password");
    assertThat(s.secrets()).extracting(AdminPasswords.Secret::line).containsExactly(7, 13);
    assertThat(s.secrets()).allSatisfy(x -> assertThat(x.redacted()).doesNotContain(SECRET).doesNotContain("UABh"));
  }

  @Test
  void readsUtf16AnswerFilesAsWindowsToolsWriteThem() throws Exception {
    byte[] utf16 = ("\uFEFF" + UNATTEND).getBytes(StandardCharsets.UTF_16LE);
    String asDecoded = new String(utf16, StandardCharsets.UTF_8); // what readText hands over
    assertThat(AdminPasswords.read(Format.UNATTEND_XML, asDecoded).secrets()).hasSize(2);
  }

  @Test
  void clearingChangesOnlyTheTwoValues() throws Exception {
    String json = AdminPasswords.clear(Format.LAUNCH_CONFIG_JSON, LAUNCH_CONFIG).orElseThrow();
    assertThat(json).isEqualTo(LAUNCH_CONFIG.replace("\"Specify\"", "\"Random\"").replace("\"" + SECRET + "\"", "\"\""));
    assertThat(AdminPasswords.read(Format.LAUNCH_CONFIG_JSON, json).secrets()).isEmpty();
    assertThat(AdminPasswords.clear(Format.LAUNCH_CONFIG_JSON, json)).isEmpty();

    String yaml = AdminPasswords.clear(Format.AGENT_CONFIG_YAML, AGENT_CONFIG).orElseThrow();
    assertThat(yaml).isEqualTo(AGENT_CONFIG.replace("type: static", "type: random").replace(SECRET, "\"\""));
    assertThat(AdminPasswords.read(Format.AGENT_CONFIG_YAML, yaml).policy()).contains("random");
  }

  @Test
  void clearingKeepsAByteOrderMarkAndRefusesWhatItCannotEditSafely() throws Exception {
    String withBom = "\uFEFF" + LAUNCH_CONFIG;
    assertThat(AdminPasswords.clear(Format.LAUNCH_CONFIG_JSON, withBom).orElseThrow()).startsWith("\uFEFF{");
    assertThatThrownBy(() -> AdminPasswords.clear(Format.UNATTEND_XML, UNATTEND))
        .isInstanceOf(AdminPasswords.FormatException.class);
    assertThatThrownBy(() -> AdminPasswords.clear(Format.LAUNCH_CONFIG_JSON, "{\"adminPassword\": ")) 
        .isInstanceOf(AdminPasswords.FormatException.class);
    String block = AGENT_CONFIG.replace("data: Sup3r-S3cret!", "data: |\n                Sup3r-S3cret!");
    assertThatThrownBy(() -> AdminPasswords.clear(Format.AGENT_CONFIG_YAML, block))
        .hasMessageContaining("multi-line");
  }

  @Test
  void clearingAJsonFormattedAgentConfigKeepsItJson() throws Exception {
    String json = """
        {"version": "1.0", "config": [{"stage": "preReady", "tasks": [{"task": "setAdminAccount",
          "inputs": {"password": {"type": "static", "data": "Sup3r-S3cret!"}}}]}]}
        """;
    assertThat(AdminPasswords.clear(Format.AGENT_CONFIG_YAML, json).orElseThrow())
        .contains("\"type\": \"random\"", "\"data\": \"\"").doesNotContain(SECRET);
  }
}

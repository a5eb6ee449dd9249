package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imageprep.agent.json.ReportJson;
import dev.imageprep.agent.testing.CliHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code imageprep check --root} on a volume whose {@code Windows/System32/config/SYSTEM} is a hive
 * Windows left dirty ({@code SYSTEM_B}), with its two logs beside it: the registry rules are judged
 * from the replayed hive, and their verdicts agree with what hivex reads from the same replayed image.
 */
@Tag(WindowsHives.TAG)
class OfflineVolumeWithRealHivesTest {

  static final List<String> RULES = List.of("service-accounts", "dhcp-addressing", "not-feature-upgraded");

  @TempDir
  Path tmp;
  Path volume;
  Path config;

  @BeforeEach
  void volume() throws Exception {
    volume = tmp.resolve("mnt");
    WindowsVolumeFixture.layOut(volume);
    config = volume.resolve("Windows/System32/config");
    WindowsHives.copy("SYSTEM_B", config, "SYSTEM");
    WindowsHives.copy("SYSTEM_B.LOG1", config, "SYSTEM.LOG1");
    WindowsHives.copy("SYSTEM_B.LOG2", config, "SYSTEM.LOG2");
  }

  Map<String, JsonNode> check() throws Exception {
    CliHarness.Result r = new CliHarness(tmp.getFileSystem(), tmp.resolve("state")).run("check", "--root",
        volume.toString(), "--profile", "workspaces-windows", "--format", "json", "--only", String.join(",", RULES));
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode c : ReportJson.mapper().readTree(r.out()).get("checks")) {
      byId.put(c.get("id").asText(), c);
    }
    assertThat(byId).as(r.err()).containsOnlyKeys(RULES);
    return byId;
  }

  @Test
  void theRegistryRulesAreJudgedFromTheReplayedHiveAsHivexReadsIt() throws Exception {
    Map<Path, String> before = sums();
    Map<String, JsonNode> results = check();

    for (String id : RULES) {
      JsonNode c = results.get(id);
      assertThat(c.get("status").asText()).as(id + ": " + c).isIn("pass", "fail", "warn");
      JsonNode note = c.get("evidence").get(c.get("evidence").size() - 1);
      assertThat(note.get("kind").asText()).isEqualTo("read-recovered");
      assertThat(note.get("path").asText()).isEqualTo("/Windows/System32/config/SYSTEM");
      assertThat(note.get("detail").asText()).as(id).contains("SYSTEM was not closed cleanly (sequence numbers 1622"
          + " and 1621); replayed 24 log entries (315 dirty pages) from SYSTEM.LOG1 and SYSTEM.LOG2");
    }

    // the same judgements, made from hivex's reading of the replayed image
    Path image = ReplayedHive.write(config.resolve("SYSTEM"), tmp.resolve("outside/SYSTEM"),
        config.resolve("SYSTEM.LOG1"), config.resolve("SYSTEM.LOG2"));
    Map<String, Map<String, String>> hivex = RegText.parse(Hivex.export(image), "");
    String set = String.format("\\ControlSet%03d", Integer.parseInt(dword(hivex.get("\\Select").get("Current")), 16));

    int configured = 0;
    int statics = 0;
    Pattern iface = Pattern.compile(Pattern.quote(set + "\\Services\\Tcpip\\Parameters\\Interfaces\\") + "[^\\\\]+");
    for (Map.Entry<String, Map<String, String>> k : hivex.entrySet()) {
      if (!iface.matcher(k.getKey()).matches()) {
        continue;
      }
      boolean dhcp = "00000001".equals(dword(k.getValue().get("EnableDHCP")));
      boolean addressed = strings(k.getValue().get("IPAddress")).stream().anyMatch(a -> !a.isBlank() && !a.equals("0.0.0.0"));
      configured += dhcp || addressed ? 1 : 0;
      statics += !dhcp && addressed ? 1 : 0;
    }
    JsonNode dhcp = results.get("dhcp-addressing");
    assertThat(dhcp.get("data").get("interfaces").asInt()).isEqualTo(configured).isPositive();
    assertThat(dhcp.get("status").asText()).isEqualTo(statics > 0 ? "warn" : "pass");

    boolean upgraded = hivex.keySet().stream().anyMatch(k -> k.matches("\\\\Setup\\\\[^\\\\]*(?i:Source OS|Upgrade)[^\\\\]*"));
    assertThat(results.get("not-feature-upgraded").get("status").asText()).isEqualTo(upgraded ? "fail" : "pass");

    String computer = hivex.get(set + "\\Control\\ComputerName\\ComputerName").get("ComputerName").substring(2);
    assertThat(results.get("service-accounts").get("data").get("computerName").asText()).isEqualTo(computer);

    assertThat(sums()).as("nothing on the volume was written").isEqualTo(before);
  }

  @Test
  void withoutItsLogsThePassesBecomeUnknownAndTheFailuresStand() throws Exception {
    Map<String, JsonNode> replayed = check();
    Files.delete(config.resolve("SYSTEM.LOG1"));
    Files.delete(config.resolve("SYSTEM.LOG2"));
    Map<String, JsonNode> stale = check();

    for (String id : RULES) {
      String was = replayed.get(id).get("status").asText();
      JsonNode now = stale.get(id);
      assertThat(now.get("status").asText()).as(id).isEqualTo(was.equals("pass") ? "unknown" : was);
      assertThat(now.get("evidence").get(now.get("evidence").size() - 1).get("detail").asText()).as(id)
          .contains("no log could be applied", "judged from the primary file");
    }
  }

  /** A dword's value as eight hex digits, from the comparable form "4:LLHHLLHH" (little-endian bytes). */
  static String dword(String comparable) {
    if (comparable == null) {
      return null;
    }
    String le = comparable.substring(2);
    return le.substring(6, 8) + le.substring(4, 6) + le.substring(2, 4) + le.substring(0, 2);
  }

  /** The strings of a REG_MULTI_SZ ("7:hex") or REG_SZ ("1:text"). */
  static List<String> strings(String comparable) {
    if (comparable == null) {
      return List.of();
    }
    if (comparable.startsWith("1:")) {
      return List.of(comparable.substring(2));
    }
    byte[] b = HexFormat.of().parseHex(comparable.substring(comparable.indexOf(':') + 1));
    return List.of(new String(b, 0, b.length & ~1, StandardCharsets.UTF_16LE).split("\0"));
  }

  Map<Path, String> sums() throws Exception {
    Map<Path, String> out = new HashMap<>();
    try (var files = Files.list(config)) {
      for (Path p : files.toList()) {
        out.put(p, RealHivesTest.sha256(p) + Files.getLastModifiedTime(p));
      }
    }
    return out;
  }
}

package dev.imageprep.agent.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imageprep.agent.testing.SchemaValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ansible playbook, run for real by Debian's {@code ansible-playbook} with
 * {@code ansible_connection=local}: it installs a {@code .tar.gz} made from the built jar and a
 * launcher script into a temporary prefix, runs {@code prepare} on a copy of a debootstrapped
 * Debian 12 root ({@code testing/debian-root.sh}), and must leave a schema-valid JSON report on the
 * "controller". Runs in {@code mvn verify} (failsafe), after the jar is packaged; needs root,
 * ansible-core and the debootstrap cache.
 */
@Tag("slow")
@Tag("ansible")
class AnsiblePlaybookIT {

  private static final Path ANSIBLE = IntegrationDocuments.DIR.resolve("ansible");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private Path tarball;

  @BeforeEach
  void packageAndImage() throws Exception {
    assertThat(Path.of("/usr/bin/ansible-playbook")).as("apt-get install ansible-core").isExecutable();
    tarball = tarball();
    run(List.of("../testing/debian-root.sh", work.resolve("root").toString()), Map.of(), 600);
  }

  @Test
  void installsPreparesAndFetchesTheReport() throws Exception {
    Result r = playbook("ec2-linux");

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("failed=0", "READY · ");
    JsonNode report = fetched();
    assertThat(report.get("verdict").asText()).isEqualTo("READY");
    assertThat(report.at("/summary/cleanupDone").asInt()).isPositive();
    assertThat(work.resolve("root/etc/ssh/ssh_host_rsa_key")).doesNotExist();
    assertThat(work.resolve("root/etc/ssh/sshd_config")).exists();
  }

  @Test
  void aNotReadyHostFailsThePlayButTheReportStillComesBack() throws Exception {
    Result r = playbook("workspaces-linux");

    assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
    assertThat(r.output()).contains("imageprep: NOT READY on localhost (exit 1)", "failed=1");
    assertThat(fetched().get("verdict").asText()).isEqualTo("NOT READY");
    assertThat(work.resolve("root/etc/ssh/ssh_host_rsa_key")).as("blocked: nothing cleaned").exists();
  }

  private JsonNode fetched() throws IOException {
    String json = Files.readString(work.resolve("reports/localhost/imageprep-report.json"), StandardCharsets.UTF_8);
    assertThat(SchemaValidator.problems(json)).isEmpty();
    return JSON.readTree(json);
  }

  private Result playbook(String profile) throws Exception {
    Path vars = work.resolve("vars.json");
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put("imageprep_package", tarball.toString());
    v.put("imageprep_install_dir", work.resolve("opt/imageprep").toString());
    v.put("imageprep_bin", work.resolve("opt/imageprep/bin/imageprep").toString());
    v.put("imageprep_remote_tmp", Files.createDirectories(work.resolve("remote-tmp")).toString());
    v.put("imageprep_root", work.resolve("root").toString());
    v.put("imageprep_profile", profile);
    v.put("imageprep_state_dir", work.resolve("state").toString());
    v.put("imageprep_remote_report", work.resolve("remote/imageprep-report.json").toString());
    v.put("imageprep_fetch_dir", work.resolve("reports").toString());
    v.put("imageprep_become", false);
    JSON.writeValue(vars.toFile(), v);
    Path inventory = Files.writeString(work.resolve("inventory"),
        "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n");
    return run(List.of("ansible-playbook", "-i", inventory.toString(), ANSIBLE.resolve("playbook.yml").toString(),
        "-e", "@" + vars), Map.of("ANSIBLE_CONFIG", ANSIBLE.resolve("ansible.cfg").toAbsolutePath().toString(),
        "ANSIBLE_ROLES_PATH", ANSIBLE.resolve("roles").toAbsolutePath().toString(),
        "ANSIBLE_LOCAL_TEMP", work.resolve("ansible-local").toString(),
        "ANSIBLE_REMOTE_TEMP", work.resolve("ansible-remote").toString(), "ANSIBLE_NOCOLOR", "1"), 600);
  }

  /** imageprep-0.1.0/{imageprep.jar, lib/*.jar, bin/imageprep}, as the plain tarball lays it out. */
  private Path tarball() throws Exception {
    Path top = Files.createDirectories(work.resolve("stage/imageprep"));
    Path jar;
    try (Stream<Path> jars = Files.list(Path.of("target"))) {
      jar = jars.filter(p -> p.getFileName().toString().matches("imageprep-agent-[0-9.]+(-SNAPSHOT)?\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("run after 'package': no target/*.jar"));
    }
    Files.copy(jar, top.resolve("imageprep.jar"));
    Path lib = Files.createDirectories(top.resolve("lib"));
    try (Stream<Path> deps = Files.list(Path.of("target/lib"))) {
      for (Path d : deps.toList()) {
        Files.copy(d, lib.resolve(d.getFileName()));
      }
    }
    Path launcher = Files.createDirectories(top.resolve("bin")).resolve("imageprep");
    Files.writeString(launcher, """
        #!/bin/sh
        # The plain tarball's launcher: a Java 17+ on PATH (or $JAVA) runs the jar next to lib/.
        here=$(cd "$(dirname "$0")/.." && pwd)
        exec "${JAVA:-java}" -jar "$here/imageprep.jar" "$@"
        """);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path out = work.resolve("imageprep-0.1.0.tar.gz");
    run(List.of("tar", "-C", work.resolve("stage").toString(), "-czf", out.toString(), "imageprep"), Map.of(), 120);
    return out;
  }

  private record Result(int exitCode, String output) {}

  private Result run(List<String> command, Map<String, String> env, int seconds) throws Exception {
    Path log = Files.createTempFile(work, "run-", ".log");
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(command + " did not finish in " + seconds + " s");
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}

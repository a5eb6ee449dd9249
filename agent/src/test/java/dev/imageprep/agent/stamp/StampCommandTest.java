package dev.imageprep.agent.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.ImageTree;
import dev.imageprep.agent.testing.SchemaValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imageprep stamp} against a real temporary image tree. */
class StampCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path temp;

  private Path image;
  private Path manifest;

  @BeforeEach
  void image() {
    image = ImageTree.at(temp.resolve("image")).debian().root();
    manifest = image.resolve("etc/imageprep/image-version.json");
  }

  private CliHarness.Result stamp(String... extra) {
    List<String> args = new ArrayList<>(List.of("stamp", "--root", image.toString(), "--profile", "ec2-linux",
        "--state-dir", temp.resolve("state").toString()));
    args.addAll(List.of(extra));
    return new CliHarness(temp.getFileSystem(), temp.resolve("state")).run(args.toArray(String[]::new));
  }

  /** The version file, which must be valid against its published schema. */
  private JsonNode written() throws IOException {
    String json = Files.readString(manifest, StandardCharsets.UTF_8);
    assertThat(SchemaValidator.imageVersionProblems(json)).as(json).isEmpty();
    return JSON.readTree(json);
  }

  @Test
  void writesTheWhitepaperTagsTheSoftwareAndTheResult() throws IOException {
    CliHarness.Result r = stamp("--tag", "name=debian-base", "--tag", "cost-center=4711", "--tag", "Owner=platform",
        "--tag", "STAGE=test");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode m = written();
    assertThat(m.get("schema").asText()).isEqualTo("imageprep/image-version/v1");
    assertThat(List.copyOf(JSON.convertValue(m.get("tags"), java.util.LinkedHashMap.class).keySet()))
        .containsExactly("Name", "Version", "Cost center", "Stage", "Owner");
    assertThat(m.at("/tags/Version").asText()).isEqualTo("1");
    assertThat(m.at("/result/verdict").asText()).as("the host keys await the cleanup").isEqualTo("NOT READY");
    assertThat(m.at("/result/blocking")).as("but nothing blocks it").isEmpty();
    assertThat(m.at("/software/managers/0").asText()).isEqualTo("dpkg");
    assertThat(m.at("/software/packages").findValuesAsText("name")).containsExactly("cloud-init", "openssh-server");
    assertThat(r.out()).contains("Wrote /etc/imageprep/image-version.json", "Cost center      4711");
  }

  @Test
  void aSecondStampKeepsTheTagsCountsTheVersionUpAndRemembersTheFirst() throws IOException {
    stamp("--tag", "Name=debian-base", "--tag", "Stage=test");
    CliHarness.Result r = stamp("--tag", "Stage=production");

    assertThat(r.exitCode()).isZero();
    JsonNode m = written();
    assertThat(m.at("/tags/Name").asText()).isEqualTo("debian-base");
    assertThat(m.at("/tags/Stage").asText()).isEqualTo("production");
    assertThat(m.at("/tags/Version").asText()).isEqualTo("2");
    assertThat(m.at("/history/0/version").asText()).isEqualTo("1");
  }

  @Test
  void awsTagsIsTheListCreateTagsTakes() throws IOException {
    CliHarness.Result r = stamp("--tag", "Name=debian-base", "--tag", "Version=2026.05", "--format", "aws-tags");

    JsonNode tags = JSON.readTree(r.out());
    assertThat(tags.isArray()).isTrue();
    assertThat(tags.findValuesAsText("Key")).containsExactly("Name", "Version", "imageprep:verdict",
        "imageprep:profile");
    assertThat(tags.findValuesAsText("Value")).containsExactly("debian-base", "2026.05", "NOT READY", "ec2-linux");
    tags.forEach(t -> assertThat(t.fieldNames()).toIterable().containsExactly("Key", "Value"));
  }

  @Test
  void recordsTheResultOfAnEarlierReport() throws IOException {
    Path report = temp.resolve("report.json");
    CliHarness.Result prepared = new CliHarness(temp.getFileSystem(), temp.resolve("state")).run("prepare", "--yes",
        "--root", image.toString(), "--profile", "ec2-linux", "--format", "json", "--output", report.toString(),
        "--state-dir", temp.resolve("state").toString());
    assertThat(prepared.exitCode()).isZero();

    CliHarness.Result r = stamp("--from-report", report.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(written().at("/result/verdict").asText()).isEqualTo("READY");
    assertThat(written().at("/result/command").asText()).isEqualTo("prepare");
    assertThat(written().at("/result/source").asText()).isEqualTo(report.toString());
  }

  @Test
  void badTagsAreUsageErrorsAndNothingIsWritten() {
    assertThat(stamp("--tag", "aws:name=x").exitCode()).isEqualTo(2);
    CliHarness.Result r = stamp("--tag", "Software=" + "x".repeat(257));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("EC2 allows 256");
    assertThat(manifest).doesNotExist();
  }

  @Test
  void thePublishedSchemaRejectsTagsEc2Would() throws IOException {
    stamp("--tag", "Name=x");
    var m = (com.fasterxml.jackson.databind.node.ObjectNode) written();
    ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("tags")).put("aws:owner", "x").put("Role", "y".repeat(257));

    assertThat(SchemaValidator.imageVersionProblems(m.toString())).hasSize(2);
  }

  @Test
  void aDryRunWritesNothing() {
    CliHarness.Result r = stamp("--dry-run", "--tag", "Name=x");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Would write /etc/imageprep/image-version.json");
    assertThat(manifest).doesNotExist();
  }

  @Test
  void symlinksResolveInsideTheImageAndTheLastOneIsReplacedNotFollowed() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path victim = Files.writeString(temp.resolve("victim.txt"), "keep me");
    Files.createDirectories(image.resolve("srv/stamps"));
    Files.createSymbolicLink(image.resolve("etc/imageprep"), Path.of("/srv/stamps"));
    Files.createSymbolicLink(image.resolve("srv/stamps/image-version.json"), victim);

    CliHarness.Result r = stamp("--tag", "Name=x");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(image.resolve("srv/stamps/image-version.json"))).isFalse();
    assertThat(Files.readString(image.resolve("srv/stamps/image-version.json"))).contains("\"Name\" : \"x\"");
    assertThat(Files.readString(victim)).isEqualTo("keep me");
    assertThat(outside).isEmptyDirectory();
  }
}

package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.CloudInitConfig;
import dev.imageprep.rules.host.CloudInitProbe;
import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.FileInfo;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.yaml.YamlData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cloud-init's configuration files, read as cloud-init reads them: {@code cloud.cfg}, then every
 * regular {@code *.cfg} in {@code cloud.cfg.d} in name order. A file cloud-init could not parse
 * either makes the result {@code Unknown}: guessing what cloud-init would make of it could turn a
 * failure into a pass.
 */
final class CloudInitFiles implements CloudInitProbe {

  static final ImagePath CLOUD_CFG = ImagePath.of("/etc/cloud/cloud.cfg");
  static final ImagePath CLOUD_CFG_D = ImagePath.of("/etc/cloud/cloud.cfg.d");
  private static final long MAX_BYTES = 1 << 20;

  private final ImageFiles files;
  private Fact<Optional<CloudInitConfig>> cached;

  CloudInitFiles(ImageFiles files) {
    this.files = files;
  }

  @Override
  public synchronized Fact<Optional<CloudInitConfig>> config() {
    if (cached == null) {
      cached = read();
    }
    return cached;
  }

  private Fact<Optional<CloudInitConfig>> read() {
    Fact<Optional<String>> main = files.readText(CLOUD_CFG, MAX_BYTES);
    if (!main.isKnown()) {
      return Fact.unknown(main.reason());
    }
    if (main.value().isEmpty()) {
      return Fact.known(Optional.empty());
    }
    List<CloudInitConfig.Part> parts = new ArrayList<>();
    Fact<CloudInitConfig.Part> first = parse(CLOUD_CFG, main.value().get());
    if (!first.isKnown()) {
      return Fact.unknown(first.reason());
    }
    parts.add(first.value());
    Fact<List<FileInfo>> dropIns = files.list(CLOUD_CFG_D);
    if (!dropIns.isKnown()) {
      return Fact.unknown(dropIns.reason());
    }
    for (FileInfo f : dropIns.value()) { // sorted by name, as cloud-init sorts them
      if (!f.path().fileName().endsWith(".cfg")) {
        continue;
      }
      Fact<Optional<String>> text = files.readText(f.path(), MAX_BYTES);
      if (!text.isKnown()) {
        return Fact.unknown(text.reason());
      }
      if (text.value().isEmpty()) {
        continue; // not a regular file (or a link to none): cloud-init skips it too
      }
      Fact<CloudInitConfig.Part> part = parse(f.path(), text.value().get());
      if (!part.isKnown()) {
        return Fact.unknown(part.reason());
      }
      parts.add(part.value());
    }
    return Fact.known(Optional.of(CloudInitConfig.merge(parts)));
  }

  private static Fact<CloudInitConfig.Part> parse(ImagePath file, String text) {
    try {
      return Fact.known(new CloudInitConfig.Part(file, YamlData.mapping(text)));
    } catch (IllegalArgumentException e) {
      return Fact.unknown(file + ": " + e.getMessage());
    }
  }
}

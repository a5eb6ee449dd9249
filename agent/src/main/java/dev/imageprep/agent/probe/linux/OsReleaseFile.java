package dev.imageprep.agent.probe.linux;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImageFiles;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.OsProbe;
import dev.imageprep.rules.host.OsRelease;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The image's {@code /etc/os-release}, falling back to {@code /usr/lib/os-release} as systemd does. */
public final class OsReleaseFile implements OsProbe {

  private final ImageFiles files;
  private Fact<OsRelease> cached;

  public OsReleaseFile(ImageFiles files) {
    this.files = files;
  }

  @Override
  public synchronized Fact<OsRelease> release() {
    if (cached == null) {
      cached = read();
    }
    return cached;
  }

  private Fact<OsRelease> read() {
    for (String candidate : List.of("/etc/os-release", "/usr/lib/os-release")) {
      Fact<Optional<String>> text = files.readText(ImagePath.of(candidate), 64 * 1024);
      if (!text.isKnown()) {
        return Fact.unknown(text.reason());
      }
      if (text.value().isPresent()) {
        return Fact.known(parse(text.value().get()));
      }
    }
    return Fact.unknown("the image has neither /etc/os-release nor /usr/lib/os-release");
  }

  /*
   * Sample (Amazon Linux 2023):
   *   NAME="Amazon Linux"
   *   VERSION="2023"
   *   ID="amzn"
   *   ID_LIKE="fedora"
   *   VERSION_ID="2023"
   *   PRETTY_NAME="Amazon Linux 2023.6.20241212"
   */
  static OsRelease parse(String text) {
    Map<String, String> values = new HashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (l.startsWith("#") || eq <= 0) {
        continue;
      }
      String v = l.substring(eq + 1).strip();
      if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
        v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\$", "$").replace("\\\\", "\\");
      }
      values.put(l.substring(0, eq).strip(), v);
    }
    String idLike = values.getOrDefault("ID_LIKE", "");
    return new OsRelease(values.getOrDefault("ID", "linux"),
        idLike.isBlank() ? List.of() : Arrays.asList(idLike.strip().split("\\s+")),
        values.getOrDefault("VERSION_ID", ""),
        values.getOrDefault("PRETTY_NAME", values.getOrDefault("NAME", "Linux")));
  }
}

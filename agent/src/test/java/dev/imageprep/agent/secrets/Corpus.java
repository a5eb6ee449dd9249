package dev.imageprep.agent.secrets;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled corpus under {@code corpus/}: {@code root/} is a small image tree with secrets planted
 * where they are found on real machines and look-alikes next to them; {@code labels.tsv} lists every
 * secret (path, line, detector, a distinctive part of the value). Anything not labelled must not be
 * a finding.
 */
final class Corpus {

  /** One labelled secret; {@code secret} is "-" for binary files. */
  record Label(String path, int line, String detector, String secret) {
    String key() {
      return path + ":" + line + ":" + detector;
    }
  }

  private Corpus() {}

  static Path dir() {
    try {
      return Path.of(Corpus.class.getResource("corpus/labels.tsv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path root() {
    return dir().resolve("root");
  }

  static List<Label> labels() throws IOException {
    List<Label> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir().resolve("labels.tsv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      out.add(new Label(f[0], Integer.parseInt(f[1]), f[2], f[3]));
    }
    return out;
  }

  /** Every labelled secret value that a report could leak (binary files have none). */
  static List<String> secretValues() throws IOException {
    return labels().stream().map(Label::secret).filter(s -> s.length() >= 8).distinct().toList();
  }
}

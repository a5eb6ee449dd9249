// Why rule files are bounded before YAML sees them: SnakeYAML scans a single-line scalar in time that
// grows with the square of its length, while the catalog refuses an oversized file after reading one
// byte past its 1 MiB limit. Run from the repository root after `mvn -B -q -DskipTests package`:
//   java -cp "rules/target/classes:agent/target/lib/*" bench/YamlScalarBench.java
import dev.imageprep.rules.catalog.Catalog;
import dev.imageprep.rules.catalog.CatalogException;
import dev.imageprep.rules.check.CheckTypes;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

public class YamlScalarBench {
  public static void main(String[] args) {
    LoaderOptions unlimited = new LoaderOptions();
    unlimited.setCodePointLimit(Integer.MAX_VALUE);
    for (int n : new int[] {100_000, 200_000, 400_000}) {
      String yaml = "title: " + "x".repeat(n) + "\n";
      long t = System.nanoTime();
      new Yaml(unlimited).compose(new StringReader(yaml));
      System.out.printf(Locale.ROOT, "SnakeYAML, one line of %,d characters: %.2f s%n", n, (System.nanoTime() - t) / 1e9);
    }
    String lines = "title: |\n" + ("  " + "x".repeat(78) + "\n").repeat(1_000_000 / 80);
    long t = System.nanoTime();
    new Yaml(unlimited).compose(new StringReader(lines));
    System.out.printf(Locale.ROOT, "SnakeYAML, 1,000,000 characters in 80-character lines: %.2f s%n",
        (System.nanoTime() - t) / 1e9);

    t = System.nanoTime();
    try {
      Catalog.load(CheckTypes.builtIn(), List.of(), List.of(new Catalog.Source("huge.yaml", () -> huge(20_000_000))));
    } catch (CatalogException e) {
      System.out.printf(Locale.ROOT, "imageprep refuses a 20,000,000-character scalar in %.3f s: %s%n",
          (System.nanoTime() - t) / 1e9, e.getMessage());
    }
  }

  private static InputStream huge(long chars) {
    byte[] head = "rules:\n  - id: x\n    title: ".getBytes(StandardCharsets.US_ASCII);
    return new InputStream() {
      private long at;

      @Override
      public int read() {
        return at < head.length ? head[(int) at++] : at++ < head.length + chars ? 'x' : -1;
      }
    };
  }
}

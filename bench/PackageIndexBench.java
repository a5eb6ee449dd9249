// The package file index on a real Debian root, against dpkg reading the same database in the same
// run: building the index (every info/*.list and *.md5sums, the status file's conffiles), then
// comparing every packaged file with its digest, beside `dpkg --root R --verify`, which does the
// same comparison. CPU time is reported beside wall time: on a shared machine it is the steadier
// figure. Run from the repository root, as root, after `mvn -B -q -DskipTests package`:
//   R=$(mktemp -d)/debian && testing/debian-root.sh "$R"
//   java -cp "agent/target/classes:rules/target/classes:agent/target/lib/*" bench/PackageIndexBench.java "$R" 7
import dev.imageprep.agent.probe.common.ProcessCommandRunner;
import dev.imageprep.agent.probe.common.RootedFiles;
import dev.imageprep.agent.probe.linux.LinuxPackages;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.PackageFiles;
import dev.imageprep.rules.host.PackagedPath;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PackageIndexBench {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<long[]> build = new ArrayList<>();
    List<long[]> verify = new ArrayList<>();
    List<long[]> dpkg = new ArrayList<>();
    int paths = 0;
    for (int i = 0; i < runs; i++) {
      long w0 = System.nanoTime();
      long c0 = CPU.getCurrentThreadCpuTime();
      PackageFiles index = new LinuxPackages(new RootedFiles(root), new ProcessCommandRunner()).files().value();
      long w1 = System.nanoTime();
      long c1 = CPU.getCurrentThreadCpuTime();
      List<PackagedPath> all = index.below(ImagePath.ROOT);
      for (PackagedPath p : all) {
        index.integrity(p.path()).value();
      }
      long w2 = System.nanoTime();
      long c2 = CPU.getCurrentThreadCpuTime();
      long dpkgCpu = dpkgVerifyCpu(root);
      long w3 = System.nanoTime();
      paths = all.size();
      build.add(new long[] {w1 - w0, c1 - c0});
      verify.add(new long[] {w2 - w0, c2 - c0});
      dpkg.add(new long[] {w3 - w2, dpkgCpu});
    }
    System.out.printf("packaged paths: %d, runs: %d, medians (the first run includes JIT warm-up)%n", paths, runs);
    System.out.printf("%-34s %9s %9s%n", "", "wall ms", "cpu ms");
    row("index build", build);
    row("index build + verify every file", verify);
    row("dpkg --root R --verify", dpkg);
    System.out.printf("cpu ratio, index build / dpkg --verify:          %.2f%n",
        (double) median(build, 1) / median(dpkg, 1));
    System.out.printf("cpu ratio, index build + verify / dpkg --verify: %.2f%n",
        (double) median(verify, 1) / median(dpkg, 1));
  }

  /** dpkg's user + system time, as bash's `times` reports it for its children. */
  private static long dpkgVerifyCpu(Path root) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", "dpkg --root=\"$1\" --verify >/dev/null 2>&1; times", "bench",
        root.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s").matcher(out.split("\n")[1]);
    if (!m.find()) {
      throw new IllegalStateException("cannot read `times`: " + out);
    }
    double seconds = Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
        + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
    return (long) (seconds * 1e9);
  }

  private static void row(String name, List<long[]> xs) {
    System.out.printf("%-34s %9.0f %9.0f%n", name, median(xs, 0) / 1e6, median(xs, 1) / 1e6);
  }

  private static long median(List<long[]> xs, int field) {
    List<Long> s = new ArrayList<>();
    xs.forEach(x -> s.add(x[field]));
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}

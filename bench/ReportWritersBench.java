// How long each report writer takes on a large report: 100 checks with 50 evidence items each and a
// 20,000-step cleanup. Run from the repository root after `mvn -B -q -DskipTests package`:
//   java -cp "agent/target/classes:rules/target/classes:agent/target/lib/*" bench/ReportWritersBench.java
import dev.imageprep.agent.report.RenderOptions;
import dev.imageprep.agent.report.ReportWriter;
import dev.imageprep.agent.report.ReportWriters;
import dev.imageprep.agent.run.ReportAssembler;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.HostSection;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.model.ToolInfo;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public class ReportWritersBench {
  public static void main(String[] args) throws Exception {
    List<CheckResult> checks = new ArrayList<>();
    Status[] statuses = Status.values();
    for (int i = 0; i < 100; i++) {
      List<Evidence> ev = new ArrayList<>();
      for (int j = 0; j < 50; j++) {
        ev.add(new Evidence("/etc/app" + i + "/file" + j + ".conf", j + 1, "password", "password = <redacted> & \"x\"", null));
      }
      checks.add(new CheckResult("rule-" + i, "Rule number " + i, Severity.ERROR, statuses[i % statuses.length],
          "message " + i, ev, Map.of("percent", 50.0 + i % 50, "maxPercent", 97.0), "Fix it.", "bench", List.of()));
    }
    List<PlannedStep> steps = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      steps.add(new PlannedStep("item-" + (i % 40), ActionKind.REMOVE, ImagePath.of("/var/cache/x/f" + i), null,
          FileType.REGULAR, 4096 + i, null, CleanupStatus.PLANNED, null));
    }
    Report r = new ReportAssembler(new ToolInfo("imageprep", "bench"), new HostSection(Platform.LINUX, "/", false,
        "bench", "Debian", "linux", "--profile", "generic", null), Instant.EPOCH, Severity.ERROR).check(checks, steps,
        List.of(), Instant.EPOCH.plusSeconds(3));
    ReportWriters writers = ReportWriters.standard();
    for (String name : writers.names()) {
      ReportWriter w = writers.find(name).orElseThrow();
      int size = 0;
      for (int i = 0; i < 5; i++) {
        StringWriter out = new StringWriter();
        w.write(r, out, RenderOptions.PLAIN);
        size = out.toString().length();
      }
      int runs = 10;
      long start = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        w.write(r, new StringWriter(), RenderOptions.PLAIN);
      }
      double ms = (System.nanoTime() - start) / 1e6 / runs;
      System.out.printf("%-6s %8.1f ms per report  %,10d characters%n", name, ms, size);
    }
  }
}

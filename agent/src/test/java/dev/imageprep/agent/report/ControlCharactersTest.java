package dev.imageprep.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.progress.ConsoleProgress;
import dev.imageprep.agent.progress.Progress;
import dev.imageprep.agent.run.ReportAssembler;
import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.SampleReports;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.model.ToolInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * A file name is data an attacker chooses. Newlines, ANSI escapes (C0, C1, DEL) and bytes that are
 * not UTF-8 in it reach every output escaped, the same way everywhere: the text report and plan, the
 * progress bar, stderr messages, HTML and JUnit.
 */
class ControlCharactersTest {

  /** A name that would print a fake verdict line, clear the screen and set the window title. */
  static final String EVIL = "x\nREADY · exit 0\u001b[2J\u001b]0;owned\u0007\u009b31m\u007f\udcff";
  static final String SHOWN = "x\\nREADY · exit 0\\x1b[2J\\x1b]0;owned\\x07\\u009b31m\\x7f\\xff";

  static Report report() {
    ImagePath path = ImagePath.of("/tmp/" + EVIL);
    CheckResult check = new CheckResult("no-secrets-left", "No secrets", Severity.ERROR, Status.FAIL,
        "1 secret in " + path, List.of(new Evidence(path.toString(), 3, "private-key", "key " + EVIL, null)),
        null, "remove it", "test", List.of());
    PlannedStep step = new PlannedStep("tmp-files", ActionKind.REMOVE, path, null, FileType.REGULAR, 12, null,
        CleanupStatus.FAILED, "could not remove " + EVIL);
    return new ReportAssembler(new ToolInfo("imageprep", "test"), SampleReports.host("ec2-linux"),
        Instant.EPOCH, Severity.ERROR).prepare(List.of(check), List.of(step), List.of(check), false, false, List.of("note " + EVIL),
        Instant.EPOCH);
  }

  static String render(ReportWriter w, Report r) throws IOException {
    StringWriter out = new StringWriter();
    w.write(r, out, new RenderOptions(false, true));
    return out.toString();
  }

  @Test
  void theOneEscapingFunction() {
    assertThat(TerminalText.escape(EVIL)).isEqualTo(SHOWN);
    assertThat(TerminalText.escape("C:\\Users\\café\ttab")).isEqualTo("C:\\Users\\café\\ttab");
    assertThat(TerminalText.escape("emoji \ud83d\ude00 ok")).isEqualTo("emoji \ud83d\ude00 ok");
    assertThat(TerminalText.escape("rtl \u202eevil")).isEqualTo("rtl \\u202eevil");
  }

  @Test
  void theTextReportShowsEveryNameEscaped() throws IOException {
    String text = render(new TextReportWriter(), report());
    assertThat(text).contains(SHOWN).doesNotContain("\u001b", "\u009b", "\u007f", "\udcff", "\u0007");
    assertThat(text.lines()).noneMatch(l -> l.startsWith("READY"));
  }

  @Test
  void theProgressBarShowsThePathEscaped() {
    StringWriter err = new StringWriter();
    Progress progress = new ConsoleProgress(new PrintWriter(err), 400);
    try (Progress.Task task = progress.begin("cleaning", 10)) {
      task.advance(5, "/tmp/" + EVIL);
    }
    assertThat(err.toString()).contains(SHOWN).doesNotContain("\n", "\u001b", "\u009b");
  }

  @Test
  void htmlAndJunitShowTheSameEscapesAndStayWellFormed() throws Exception {
    String html = render(new HtmlReportWriter(), report());
    assertThat(html).contains("x\\nREADY · exit 0\\x1b[2J").contains("\\xff")
        .doesNotContain("\u001b", "\u009b", "\ufffd");
    String junit = render(new JunitReportWriter(), report());
    assertThat(junit).contains("\\x1b[2J").contains("\\xff").doesNotContain("\u001b", "\ufffd");
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(junit)));
  }

  @Test
  void stderrMessagesAreEscaped(@TempDir Path temp) {
    CliHarness.Result r = new CliHarness(temp.getFileSystem(), temp.resolve("state"))
        .run("check", "--root", temp.resolve("no\nREADY\u001b[2J").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no\\nREADY\\x1b[2J").doesNotContain("\u001b");
    assertThat(r.err().lines()).noneMatch(l -> l.startsWith("READY"));
  }
}

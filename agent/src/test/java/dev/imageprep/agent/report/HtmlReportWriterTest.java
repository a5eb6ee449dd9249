package dev.imageprep.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.SampleReports;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML as text: self-contained, escaped, and holding what the page must say. */
class HtmlReportWriterTest {

  static String render(Report r) throws IOException {
    StringWriter out = new StringWriter();
    new HtmlReportWriter().write(r, out, RenderOptions.PLAIN);
    return out.toString();
  }

  @Test
  void fetchesNothing() throws IOException {
    String html = render(SampleReports.notReadyCheck());

    assertThat(html).contains("http-equiv='Content-Security-Policy' content=\"default-src 'none';");
    assertThat(html).doesNotContainPattern("(?i)\\b(src|href)\\s*=\\s*['\"]?(https?:|//|data:|file:)");
    // a source's URL is shown as text for the reader; no tag or style may point anywhere
    assertThat(html).contains("Source: Amazon WorkSpaces Administration Guide");
    assertThat(html).doesNotContainPattern("(?i)<[^>]*(https?:|//)|@import|url\\(");
    assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe|object)\\b");
  }

  @Test
  void everyReportValueIsEscaped() throws IOException {
    String html = render(SampleReports.notReadyCheck()) + render(SampleReports.interruptedClean());

    assertThat(html).doesNotContain(SampleReports.HOSTILE).doesNotContain("<script>").doesNotContain("<b>\"");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; \\x01bell");
    assertThat(html).contains("Desktop &lt;b&gt;");
  }

  @Test
  void saysTheVerdictAndWhatBlocksItFirst() throws IOException {
    String html = render(SampleReports.notReadyCheck());
    String header = html.substring(0, html.indexOf("</header>"));

    assertThat(header).contains("<h1 id='verdict'>NOT READY</h1>", "4 checks block capturing this image.",
        "Root volume is below 97 % full", "No private keys, credentials or passwords",
        "cloud-init, the PCoIP agent", "The user profile is under 10 GB");
    assertThat(header).doesNotContain("PCoIP sessions are forced to AES-256");
  }

  @Test
  void drawsTheVolumeAgainstItsLimitAndTheProfileWithItsLargestFolders() throws IOException {
    String html = render(SampleReports.notReadyCheck());

    assertThat(html).contains("97.8 % full", "97 % limit", "11.0 GiB", "10.0 GiB limit", "Largest folders",
        "Findings per category", "Cleanup by size");
    assertThat(count(html, "<svg ")).isEqualTo(6);
  }

  @Test
  void listsEveryCheckAndEveryCleanupItem() throws IOException {
    String html = render(SampleReports.readyPrepare());

    assertThat(count(html, "<tr class='(pass|fail|warn|unknown|skipped)'")).isEqualTo(2 + 3);
    assertThat(html).contains("Before cleanup", "After cleanup (verify)", "refused: 2 hard links",
        "<h1 id='verdict'>READY</h1>", "Nothing blocks capturing this image.");
    assertThat(count(html, "<tr class='item (done|skipped|failed|planned)'")).isEqualTo(4);
  }

  private static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

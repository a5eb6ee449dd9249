package dev.imageprep.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.Chromium;
import dev.imageprep.agent.testing.SampleReports;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a person sees it, rendered by Debian's headless Chromium: what the page's DOM
 * holds after loading, and what the screenshot shows at the top. Needs the {@code chromium}
 * package; {@code -Dsurefire.excludedGroups=browser} leaves it out where there is none.
 */
@Tag("browser")
class HtmlReportBrowserTest {

  private static final int FAIL_RED = 0xcf222e;
  private static final int PASS_GREEN = 0x1a7f37;

  @TempDir
  Path temp;

  private Chromium chromium;

  @BeforeEach
  void browser() {
    chromium = new Chromium(temp);
    assertThat(chromium.installed()).as("chromium is not installed (apt-get install chromium), or run with"
        + " -Dsurefire.excludedGroups=browser").isTrue();
  }

  @Test
  void theLoadedPageShowsTheVerdictTheChecksAndThePictures() throws Exception {
    String dom = chromium.dumpDom(page("not-ready.html", HtmlReportWriterTest.render(SampleReports.notReadyCheck())));

    assertThat(dom).contains("<h1 id=\"verdict\">NOT READY</h1>", "4 checks block capturing this image.");
    assertThat(dom.split("<tr class=\"(pass|fail|warn|unknown|skipped)\"", -1)).hasSize(7 + 1);
    assertThat(dom.split("<svg ", -1)).hasSize(6 + 1);
    assertThat(dom).doesNotContain("<script").contains("&lt;script&gt;alert('x')&lt;/script&gt;");
  }

  @Test
  void aNotReadyPageIsRedAtTheTopAndAReadyPageGreen() throws Exception {
    BufferedImage notReady = shot("not-ready", HtmlReportWriterTest.render(SampleReports.notReadyCheck()));
    BufferedImage ready = shot("ready", HtmlReportWriterTest.render(SampleReports.readyPrepare()));

    assertThat(rgb(notReady, 1000, 8)).isEqualTo(FAIL_RED);
    assertThat(rgb(ready, 1000, 8)).isEqualTo(PASS_GREEN);
    assertThat(whitePixels(notReady, 20, 20, 300, 60)).as("the verdict's white letters").isGreaterThan(500);
  }

  private Path page(String name, String html) throws IOException {
    Path p = temp.resolve(name);
    Files.writeString(p, html, StandardCharsets.UTF_8);
    return p;
  }

  private BufferedImage shot(String name, String html) throws Exception {
    return ImageIO.read(chromium.screenshot(page(name + ".html", html), temp.resolve(name + ".png"), 1280, 900)
        .toFile());
  }

  private static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) & 0xffffff;
  }

  private static int whitePixels(BufferedImage img, int x0, int y0, int w, int h) {
    int n = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        n += rgb(img, x, y) == 0xffffff ? 1 : 0;
      }
    }
    return n;
  }
}

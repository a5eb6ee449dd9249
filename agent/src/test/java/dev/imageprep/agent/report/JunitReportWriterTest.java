package dev.imageprep.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.CliHarness;
import dev.imageprep.agent.testing.ImageTree;
import dev.imageprep.agent.testing.SampleReports;
import dev.imageprep.rules.model.Report;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** JUnit XML that Jenkins' junit-4.xsd accepts, failing exactly the cases that block readiness. */
class JunitReportWriterTest {

  private final JunitReportWriter writer = new JunitReportWriter();

  @Test
  void everySampleIsValidAgainstJunit4Xsd() throws Exception {
    for (Report r : List.of(SampleReports.notReadyCheck(), SampleReports.readyPrepare(),
        SampleReports.interruptedClean())) {
      validate(render(r));
    }
  }

  @Test
  void blockingChecksFailOrErrorAndOthersPassOrSkip() throws Exception {
    Document d = parse(render(SampleReports.notReadyCheck()));

    assertThat(caseIds(d, "failure")).containsExactly("root-volume-usage", "no-secrets-left", "profile-size");
    assertThat(caseIds(d, "error")).containsExactly("required-components");
    assertThat(caseIds(d, "skipped")).containsExactly("os-patches");
    Element suite = (Element) d.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("7");
    assertThat(suite.getAttribute("failures")).isEqualTo("3");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(d.getElementsByTagName("testcase").item(4).getTextContent()).contains("WARNING (warn");
  }

  @Test
  void aReadyPrepareHasNoFailingCaseButReportsTheCleanup() throws Exception {
    Document d = parse(render(SampleReports.readyPrepare()));

    assertThat(caseIds(d, "failure")).isEmpty();
    assertThat(caseIds(d, "error")).isEmpty();
    NodeList suites = d.getElementsByTagName("testsuite");
    assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("imageprep.verify");
    assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo("imageprep.cleanup");
    assertThat(suites.item(1).getTextContent()).contains("refused: 2 hard links");
  }

  @Test
  void anInterruptedCleanIsAnErrorAndAFailedStepAFailure() throws Exception {
    Document d = parse(render(SampleReports.interruptedClean()));

    assertThat(caseIds(d, "failure")).containsExactly("cleanup tmp-files");
    assertThat(caseIds(d, "error")).containsExactly("cleanup package-caches");
  }

  @Test
  void hostileTextSurvivesAsText() throws Exception {
    Document d = parse(render(SampleReports.notReadyCheck()));

    assertThat(d.getDocumentElement().getTextContent()).contains("<script>alert('x')</script> & \"quoted\" \\x01bell");
  }

  @Test
  void theRealCommandWritesValidJunit(@TempDir Path temp) throws Exception {
    Path image = ImageTree.at(temp.resolve("image")).debian().root();
    CliHarness.Result r = new CliHarness(temp.getFileSystem(), temp).run("check", "--root", image.toString(),
        "--profile", "ec2-linux", "--format", "junit", "--state-dir", temp.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    validate(r.out());
    assertThat(caseIds(parse(r.out()), "failure")).containsExactly("no-secrets-left");
  }

  private String render(Report r) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(r, out, RenderOptions.PLAIN);
    return out.toString();
  }

  static void validate(String xml) throws IOException, SAXException {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator v = f.newSchema(JunitReportWriterTest.class.getResource("junit-4.xsd")).newValidator();
    v.validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  /** The ids (name up to the colon) of the test cases that hold an element of this kind. */
  private static List<String> caseIds(Document d, String kind) {
    List<String> ids = new ArrayList<>();
    NodeList cases = d.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getElementsByTagName(kind).getLength() > 0) {
        String name = c.getAttribute("name");
        ids.add(name.contains(":") ? name.substring(0, name.indexOf(':')) : name);
      }
    }
    return ids;
  }
}

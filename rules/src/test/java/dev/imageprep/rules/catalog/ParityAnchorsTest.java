package dev.imageprep.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.check.CheckTypes;
import dev.imageprep.rules.cleanup.CleanupEntry;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** catalog/anchors.yaml: what the cleanup items' anchors name must exist there. */
class ParityAnchorsTest {

  private final ParityAnchors anchors = ParityAnchors.bundled();

  @Test
  void everyAnchorACleanupItemNamesIsAKnownOperation() {
    Catalog catalog = Catalog.load(CheckTypes.builtIn(), Catalog.BUNDLED, List.of()).loadAll();
    for (String id : catalog.profileIds()) {
      for (CleanupEntry c : catalog.resolve(id).cleanup()) {
        assertThat(c.anchors()).as(id + " / " + c.id()).allMatch(anchors::knows);
      }
    }
    assertThat(anchors.knows("virt-sysprep:no-such-operation")).isFalse();
  }

  @Test
  void aReasonCanBeGivenForAllProfilesOrForOne() {
    ParityAnchors parsed = ParityAnchors.parse("anchors.yaml", new StringReader("""
        tools:
          - id: tool
            name: a tool
            scope: its operations
            source: its manual
            operations:
              - id: everywhere
                does: something
                why-not: never applies
              - id: one-profile
                does: something else
                why-not:
                  ec2-linux: not on EC2
        """));
    List<ParityAnchors.Operation> ops = parsed.tools().get(0).operations();
    assertThat(ops.get(0).whyNot("ec2-linux")).contains("never applies");
    assertThat(ops.get(1).whyNot("ec2-linux")).contains("not on EC2");
    assertThat(ops.get(1).whyNot("linux")).isEmpty();
    assertThat(parsed.knows("tool:one-profile")).isTrue();
  }
}

package dev.imageprep.rules.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepListTest {

  static List<PlannedStep> sample() {
    List<PlannedStep> steps = new ArrayList<>();
    steps.add(new PlannedStep("ssh-host-keys", ActionKind.SHRED, ImagePath.of("/etc/ssh/ssh_host_rsa_key"), null,
        FileType.REGULAR, 2590, "(dev=803,ino=1234)", CleanupStatus.PLANNED, null));
    steps.add(new PlannedStep("skylight-state", ActionKind.REMOVE, ImagePath.of("/run/lock/x"),
        ImagePath.of("/var/lock/x"), FileType.REGULAR, 0, "FileKey{jimfs 7}", CleanupStatus.PLANNED, null));
    steps.add(new PlannedStep("tmp-files", ActionKind.REMOVE, ImagePath.of("/tmp/bad\udcff\udcfe"), null,
        FileType.DIRECTORY, -1, null, CleanupStatus.FAILED, "could not read directory: permission denied"));
    steps.add(new PlannedStep("tmp-files", ActionKind.REMOVE, ImagePath.ROOT, null, FileType.OTHER, 0,
        "(dev=fffffffffff,ino=18446744073709551615)", CleanupStatus.SKIPPED, "protected: x"));
    return steps;
  }

  @Test
  void keepsEveryFieldOfEveryStep() {
    List<PlannedStep> steps = sample();
    StepList list = StepList.copyOf(steps);
    assertThat(list).containsExactlyElementsOf(steps);
    assertThat(StepList.copyOf(list)).isSameAs(list);
  }

  @Test
  void findsThePlannedStepForAPath() {
    StepList.Builder b = new StepList.Builder();
    sample().forEach(b::add);
    b.add(new PlannedStep("tmp-files", ActionKind.REMOVE, ImagePath.of("/tmp/bad\udcff\udcfe"), null,
        FileType.REGULAR, 3, null, CleanupStatus.PLANNED, null));
    StepList list = b.build();
    assertThat(b.contains(ImagePath.of("/tmp/bad\udcff\udcfe"))).as("the planned one, after a failed one").isTrue();
    assertThat(list.indexOf(ImagePath.of("/tmp/bad\udcff\udcfe"))).isEqualTo(4);
    assertThat(b.contains(ImagePath.of("/tmp/bad"))).isFalse();
    assertThat(list.indexOf(ImagePath.of("/etc/ssh/ssh_host_rsa_key"))).isZero();
    assertThat(list.indexOf(ImagePath.ROOT)).as("only skipped there").isEqualTo(-1);
  }

  @Test
  void outcomesAreRecordedBesideTheListWithoutChangingIt() {
    StepList list = StepList.copyOf(sample());
    StepList.Outcomes outcomes = list.outcomes();
    outcomes.set(0, CleanupStatus.DONE, "3 random passes and a zero pass, then unlinked");
    StepList done = outcomes.list();
    assertThat(done.get(0).status()).isEqualTo(CleanupStatus.DONE);
    assertThat(done.get(0).reason()).startsWith("3 random passes");
    assertThat(done.get(1)).isEqualTo(list.get(1));
    assertThat(list.get(0).status()).isEqualTo(CleanupStatus.PLANNED);
  }

  @Test
  void aMillionStepsAreKeptAndFound() {
    StepList.Builder b = new StepList.Builder();
    ImagePath dir = ImagePath.of("/var/tmp");
    for (int i = 0; i < 1_000_000; i++) {
      b.add(new PlannedStep("var-tmp-files", ActionKind.REMOVE, dir.child(String.format("f%07d", i)), null,
          FileType.REGULAR, i % 17, "(dev=803," + "ino=" + (1_000_000 + i) + ")", CleanupStatus.PLANNED, null));
    }
    StepList list = b.build();
    assertThat(list).hasSize(1_000_000);
    assertThat(list.get(999_999).path()).hasToString("/var/tmp/f0999999");
    assertThat(list.get(999_999).identity()).isEqualTo("(dev=803,ino=1999999)");
    assertThat(b.contains(dir.child("f0500000"))).isTrue();
  }
}

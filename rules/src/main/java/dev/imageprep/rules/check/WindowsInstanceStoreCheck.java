package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.WindowsVolume;
import dev.imageprep.rules.model.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * No data sits on instance-store drives, which an AMI does not capture. A drive is instance store
 * when its disk says so (NVMe instance storage's model name, EC2Launch's "Temporary Storage" label);
 * a drive that cannot be told apart is listed as undecided.
 */
public final class WindowsInstanceStoreCheck extends CheckTypeBase<WindowsInstanceStoreCheck.Params> {

  /** @param minUsedMib a drive with less than this in use counts as empty (a fresh NTFS has some) */
  public record Params(Integer minUsedMib) {
    public Params {
      minUsedMib = minUsedMib == null ? 256 : minUsedMib;
    }
  }

  public WindowsInstanceStoreCheck() {
    super("windows-instance-store", "No data on instance-store drives, which the image does not include", Params.class);
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<List<WindowsVolume>> volumes = context.host().windows().volumes();
    if (!volumes.isKnown()) {
      return Outcome.unknown("could not list the drives", volumes);
    }
    long threshold = p.minUsedMib() * 1024L * 1024L;
    List<Evidence> withData = new ArrayList<>();
    List<Evidence> undecided = new ArrayList<>();
    for (WindowsVolume v : volumes.value()) {
      if (!v.kind().equals("fixed") || v.letter() == Character.toUpperCase(context.host().windows().systemDrive())) {
        continue;
      }
      String drive = v.drive() + " (" + (v.label().isEmpty() ? "no label" : v.label()) + "): ";
      if (!v.spaceKnown()) {
        // a failed GetDiskFreeSpaceEx is not an empty drive
        if (!Boolean.FALSE.equals(v.instanceStore())) {
          undecided.add(Evidence.of("space-unknown", drive + "space unknown (" + v.spaceUnknown() + ")"
              + (v.instanceStore() == null ? "; cannot tell instance store from EBS (" + v.storeEvidence() + ")"
              : "; instance store (" + v.storeEvidence() + ")")));
        }
        continue;
      }
      String line = drive + Bytes.human(v.usedBytes()) + " in use";
      if (Boolean.TRUE.equals(v.instanceStore()) && v.usedBytes() >= threshold) {
        withData.add(Evidence.of("instance-store-data", line + "; instance store (" + v.storeEvidence() + ")"));
      } else if (v.instanceStore() == null && v.usedBytes() >= threshold) {
        undecided.add(Evidence.of("storage-undecided", line + "; cannot tell instance store from EBS ("
            + v.storeEvidence() + ")"));
      }
    }
    Judgement judgement = new Judgement();
    withData.forEach(judgement::found);
    undecided.forEach(e -> judgement.unseen(e.detail(), e));
    return judgement.toOutcome(found -> "data on instance-store drive(s), which the image will not include: move"
        + " what you need to C: or an EBS volume", unseen -> "drives that may hold data on instance store",
        () -> "no data on instance-store drives");
  }
}

package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.windows.ProfileMeasure;
import dev.imageprep.rules.windows.ProfileSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system drive has room for the user profile plus headroom (the WorkSpaces guide: "enough available space
 * for the contents of the user profile, plus an additional 2 GB"), and optionally a flat minimum
 * (later guides ask for 12 GB). Available space is what the running user may still write ({@code
 * GetDiskFreeSpaceEx}'s caller-available bytes, {@code statvfs}'s {@code f_bavail}); in offline
 * mode it is the filesystem that holds the mounted volume. GiB = 2^30 bytes.
 */
public final class WindowsFreeSpaceCheck implements CheckType<WindowsFreeSpaceCheck.Params> {

  /**
   * @param headroomGib GiB needed on top of the profile's size
   * @param minFreeGib a flat minimum that applies whatever the profile's size (0: none)
   * @param profile where the profile is and what is left out of it, as for the profile-size rule
   */
  public record Params(Double headroomGib, Double minFreeGib, ProfileSpec profile) {
    public Params {
      headroomGib = headroomGib == null ? 2.0 : headroomGib;
      minFreeGib = minFreeGib == null ? 0.0 : minFreeGib;
      profile = profile == null ? new ProfileSpec(null, null, null, null) : profile;
    }
  }

  @Override
  public String key() {
    return "windows-free-space";
  }

  @Override
  public String summary() {
    return "The system drive has free space for the user profile plus headroom (and a flat minimum, if set)";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.headroomGib() < 0 || p.minFreeGib() < 0) {
      throw new IllegalArgumentException("headroom-gib and min-free-gib must not be negative");
    }
    p.profile().validate();
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<VolumeUsage> volume = context.host().volumes().usage(ImagePath.ROOT);
    if (!volume.isKnown()) {
      return Outcome.unknown("could not measure the system drive", volume);
    }
    long available = volume.value().availableBytes();
    long headroom = (long) (p.headroomGib() * WindowsProfileSizeCheck.GIB);
    long floor = (long) (p.minFreeGib() * WindowsProfileSizeCheck.GIB);
    Fact<List<ProfileMeasure.Measurement>> measured = new ProfileMeasure(context.host(), p.profile()).measureAll();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mount", volume.value().mount());
    data.put("availableBytes", available);
    data.put("headroomBytes", headroom);
    data.put("minFreeBytes", floor);
    data.put("unit", "GiB = 2^30 bytes");
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Evidence.of("volume", volume.value().mount() + ": " + Bytes.human(available) + " available of "
        + Bytes.human(volume.value().totalBytes())));
    long profileBytes = 0;
    boolean complete = true;
    if (measured.isKnown()) {
      for (ProfileMeasure.Measurement m : measured.value()) {
        profileBytes += m.bytes();
        complete &= m.complete();
        evidence.add(Evidence.of("profile-size", m.path() + ": " + Bytes.human(m.bytes())
            + (m.complete() ? "" : " or more")));
      }
    } else {
      complete = false;
      evidence.add(Evidence.of("profile-size", "unknown: " + measured.reason()));
    }
    long needed = Math.max(profileBytes + headroom, floor);
    data.put("profileBytes", profileBytes);
    data.put("profileComplete", complete);
    data.put("neededBytes", needed);
    String need = Bytes.human(needed) + " (profile " + Bytes.human(profileBytes) + (complete ? "" : " or more")
        + " + " + Bytes.human(headroom) + (floor > 0 ? ", at least " + Bytes.human(floor) : "") + ")";
    if (available < needed) {
      return new Outcome(Status.FAIL, "only " + Bytes.human(available) + " available on the system drive, needs "
          + need + ": free " + Bytes.human(needed - available), evidence, data);
    }
    if (!complete) {
      return new Outcome(Status.UNKNOWN, Bytes.human(available) + " available, but the profile's size is not fully"
          + " known" + (measured.isKnown() ? "" : " (" + measured.reason() + ")"), evidence, data);
    }
    return new Outcome(Status.PASS, Bytes.human(available) + " available, needs " + need, evidence, data);
  }
}

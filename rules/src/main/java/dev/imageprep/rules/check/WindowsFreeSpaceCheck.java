package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.ProfileMeasure;
import dev.imageprep.rules.windows.ProfileSpec;
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
public final class WindowsFreeSpaceCheck extends CheckTypeBase<WindowsFreeSpaceCheck.Params> {

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

  public WindowsFreeSpaceCheck() {
    super("windows-free-space",
        "The system drive has free space for the user profile plus headroom (and a flat minimum, if set)",
        Params.class);
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
    List<ProfileMeasure.Measurement> profiles = measured.isKnown() ? measured.value() : List.of();
    long profileBytes = profiles.stream().mapToLong(ProfileMeasure.Measurement::bytes).sum();
    boolean complete = measured.isKnown() && profiles.stream().allMatch(ProfileMeasure.Measurement::complete);
    long needed = Math.max(profileBytes + headroom, floor);
    data.put("profileBytes", profileBytes);
    data.put("profileComplete", complete);
    data.put("neededBytes", needed);
    String need = Bytes.human(needed) + " (profile " + Bytes.human(profileBytes) + (complete ? "" : " or more")
        + " + " + Bytes.human(headroom) + (floor > 0 ? ", at least " + Bytes.human(floor) : "") + ")";
    Evidence space = Evidence.of("volume", volume.value().mount() + ": " + Bytes.human(available) + " available of "
        + Bytes.human(volume.value().totalBytes()));
    Judgement judgement = available < needed ? new Judgement().found(space) : new Judgement().saw(space);
    for (ProfileMeasure.Measurement m : profiles) {
      Evidence size = Evidence.of("profile-size", m.path() + ": " + Bytes.human(m.bytes())
          + (m.complete() ? "" : " or more"));
      if (m.complete()) {
        judgement.saw(size);
      } else {
        judgement.unseen(m.path().toString(), size); // "or more": it may need more than it shows
      }
    }
    if (!measured.isKnown()) {
      judgement.unseen(measured.reason(), Evidence.of("profile-size", "unknown: " + measured.reason()));
    }
    return judgement.data(data).toOutcome(found -> "only " + Bytes.human(available) + " available on the system"
        + " drive, needs " + need + ": free " + Bytes.human(needed - available),
        unseen -> Bytes.human(available) + " available, but the profile's size is not fully known"
            + (measured.isKnown() ? "" : " (" + measured.reason() + ")"),
        () -> Bytes.human(available) + " available, needs " + need);
  }
}

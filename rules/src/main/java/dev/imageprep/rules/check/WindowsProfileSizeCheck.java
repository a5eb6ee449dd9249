package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.ProfileMeasure;
import dev.imageprep.rules.windows.ProfileSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customized WorkSpaces user profile exists where the image's Windows version needs it, and its
 * files and data, minus the folders Create Image leaves out, stay under a limit. Sizes are logical
 * (a sparse file counts with its full length) and GiB means 2^30 bytes, as Windows Explorer and
 * the WorkSpaces BYOL Checker count them.
 */
public final class WindowsProfileSizeCheck extends CheckTypeBase<WindowsProfileSizeCheck.Params> {

  static final long GIB = 1L << 30;

  /**
   * @param maxGib the profile must be smaller than this many GiB (2^30 bytes)
   * @param profile where the profile is and what is left out of it
   */
  public record Params(Double maxGib, ProfileSpec profile) {
    public Params {
      maxGib = maxGib == null ? 10.0 : maxGib;
      profile = profile == null ? new ProfileSpec(null, null, null, null) : profile;
    }
  }

  public WindowsProfileSizeCheck() {
    super("windows-profile-size",
        "The customized Windows user profile exists where the Windows version needs it and is under a size"
        + " limit, without the folders the image leaves out", Params.class);
  }

  @Override
  public void validate(Params p) {
    if (p.maxGib() <= 0) {
      throw new IllegalArgumentException("max-gib must be positive, got " + p.maxGib());
    }
    p.profile().validate();
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    ProfileMeasure measure = new ProfileMeasure(context.host(), p.profile());
    Fact<ProfileMeasure.Location> location = measure.locate();
    if (!location.isKnown()) {
      return Outcome.unknown(location.reason());
    }
    Fact<List<ProfileMeasure.Measurement>> measured = measure.measureAll();
    if (!measured.isKnown()) {
      return Outcome.unknown("could not measure the profile: " + measured.reason());
    }
    long limit = (long) (p.maxGib() * GIB);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("location", location.value().path() + (location.value().perUser() ? "\\*" : ""));
    data.put("why", location.value().why());
    data.put("limitBytes", limit);
    data.put("unit", "GiB = 2^30 bytes; logical file sizes");
    if (measured.value().isEmpty()) {
      return Outcome.fail("no user profile at " + data.get("location") + ": " + location.value().why(),
          List.of(Evidence.of("missing-profile", location.value().why()))).withData(data);
    }
    Judgement judgement = new Judgement();
    List<String> over = new ArrayList<>();
    List<Map<String, Object>> profiles = new ArrayList<>();
    for (ProfileMeasure.Measurement m : measured.value()) {
      profiles.add(describe(m));
      boolean tooBig = m.bytes() >= limit;
      String size = Bytes.human(m.bytes()) + (m.complete() ? "" : " or more");
      Evidence line = Evidence.of(tooBig ? "profile-too-large" : "profile-size", m.path() + ": " + size + " in "
          + m.files() + " files, without " + m.excluded().size() + " left-out folder(s) ("
          + Bytes.human(m.excludedBytes()) + ")" + (m.linksNotFollowed() > 0 ? "; " + m.linksNotFollowed()
          + " link(s) or junction(s) not followed" : ""));
      if (tooBig) {
        over.add(m.path() + " (" + size + ")");
        judgement.found(line);
      } else if (!m.complete()) {
        judgement.unseen(m.path().toString(), line); // what was read is under the limit; the rest may not be
      } else {
        judgement.saw(line);
      }
      m.unreadable().forEach(u -> judgement.saw(Evidence.of("unreadable", u)));
    }
    data.put("profiles", profiles);
    return judgement.data(data).toOutcome(found -> "profile larger than " + Bytes.human(limit) + ": "
        + String.join(", ", over) + "; move data into a left-out folder (Downloads, ...) or off the profile",
        partial -> "could not read all of " + String.join(", ", partial) + ", and what was read is under the limit",
        () -> measured.value().size() == 1
            ? "profile " + measured.value().get(0).path() + " is " + Bytes.human(measured.value().get(0).bytes())
                + ", under " + Bytes.human(limit)
            : "all " + measured.value().size() + " profiles under " + Bytes.human(limit));
  }

  static Map<String, Object> describe(ProfileMeasure.Measurement m) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("path", m.path().toString());
    d.put("bytes", m.bytes());
    d.put("files", m.files());
    d.put("complete", m.complete());
    d.put("excludedBytes", m.excludedBytes());
    d.put("excludedFolders", new ArrayList<>(m.excluded().keySet()));
    d.put("linksNotFollowed", m.linksNotFollowed());
    return d;
  }
}

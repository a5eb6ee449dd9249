package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.VolumeUsage;
import dev.imageprep.rules.model.Evidence;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The volume holding a path is below a percentage full, by GNU {@code df}'s formula. */
public final class VolumeUsageCheck extends CheckTypeBase<VolumeUsageCheck.Params> {

  /**
   * @param path the path whose filesystem is measured
   * @param maxPercent the check passes while usage stays below this
   */
  public record Params(String path, Double maxPercent) {
    public Params {
      path = path == null ? "/" : path;
      maxPercent = maxPercent == null ? 97.0 : maxPercent;
    }
  }

  public VolumeUsageCheck() {
    super("volume-usage",
        "The volume holding a path is below a percentage full (df's used / (used + available))", Params.class);
  }

  @Override
  public void validate(Params p) {
    ImagePath.of(p.path());
    if (p.maxPercent() <= 0 || p.maxPercent() > 100) {
      throw new IllegalArgumentException("max-percent must be in (0, 100], got " + p.maxPercent());
    }
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    Fact<VolumeUsage> fact = context.host().volumes().usage(ImagePath.of(p.path()));
    if (!fact.isKnown()) {
      return Outcome.unknown("could not measure the volume holding " + p.path(), fact);
    }
    VolumeUsage u = fact.value();
    double pct = u.dfPercent();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mount", u.mount());
    data.put("totalBytes", u.totalBytes());
    data.put("usedBytes", u.usedBytes());
    data.put("availableBytes", u.availableBytes());
    data.put("freeBytes", u.freeBytes());
    data.put("percent", Math.round(pct * 100) / 100.0);
    data.put("dfPercent", u.dfPercentShown());
    data.put("rawPercent", Math.round(u.rawPercent() * 100) / 100.0);
    data.put("maxPercent", p.maxPercent());
    data.put("formula", "used / (used + available), used = total - free (GNU df)");
    String detail = String.format(Locale.ROOT, "%s is %.2f %% full (df shows %d %%): %s used, %s available of %s",
        u.mount(), pct, u.dfPercentShown(), Bytes.human(u.usedBytes()), Bytes.human(u.availableBytes()),
        Bytes.human(u.totalBytes()));
    Evidence volume = Evidence.atPath(p.path(), "volume", detail);
    Judgement judgement = pct < p.maxPercent() ? new Judgement().saw(volume) : new Judgement().found(volume);
    return judgement.data(data).toOutcome(
        found -> String.format(Locale.ROOT, "%.2f %% full, at or above the %s %% limit: free %s before capturing",
            pct, trim(p.maxPercent()), Bytes.human(bytesToFree(u, p.maxPercent()))),
        () -> String.format(Locale.ROOT, "%.2f %% full, below %s %%", pct, trim(p.maxPercent())));
  }

  /** Bytes to delete until used / (used + available) drops below the limit. */
  static long bytesToFree(VolumeUsage u, double maxPercent) {
    double capacity = u.usedBytes() + (double) u.availableBytes();
    double target = capacity * maxPercent / 100.0;
    return (long) Math.ceil(Math.max(0, u.usedBytes() - target + 1));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}

package dev.imageprep.rules.host;

import java.util.List;
import java.util.Optional;

/** Facts about services: systemd units on Linux, the service manager on Windows. */
public interface ServiceProbe {

  /**
   * @return the unit, {@code Known(empty)} if no unit file defines it, {@code Unknown} if the unit
   *     directories cannot be read
   */
  Fact<Optional<UnitInfo>> unit(String name);

  /** @return every unit defined in the image, or {@code Unknown} */
  Fact<List<UnitInfo>> units();
}

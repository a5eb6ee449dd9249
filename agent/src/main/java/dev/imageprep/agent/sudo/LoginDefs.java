package dev.imageprep.agent.sudo;

import java.util.Locale;

/**
 * The range of ordinary users' uids from the image's {@code /etc/login.defs}, which {@code useradd}
 * also reads; 1000–60000 (shadow-utils' defaults) where the file does not say.
 *
 * @param uidMin the lowest uid of an ordinary user
 * @param uidMax the highest uid of an ordinary user
 */
public record LoginDefs(int uidMin, int uidMax) {

  public static final LoginDefs DEFAULTS = new LoginDefs(1000, 60000);

  /* Sample (Debian 12):
   *   # Min/max values for automatic uid selection in useradd(8)
   *   #
   *   UID_MIN                  1000
   *   UID_MAX                 60000
   */
  public static LoginDefs parse(String text) {
    int min = DEFAULTS.uidMin;
    int max = DEFAULTS.uidMax;
    for (String line : text.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length < 2 || f[0].startsWith("#")) {
        continue;
      }
      switch (f[0].toUpperCase(Locale.ROOT)) {
        case "UID_MIN" -> min = number(f[1], min);
        case "UID_MAX" -> max = number(f[1], max);
        default -> { }
      }
    }
    return new LoginDefs(min, max);
  }

  public boolean isOrdinary(int uid) {
    return uid >= uidMin && uid <= uidMax;
  }

  private static int number(String s, int fallback) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

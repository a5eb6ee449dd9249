package dev.imageprep.rules.windows;

/**
 * A service as {@code HKLM\SYSTEM\CurrentControlSet\Services\<name>} describes it; the same values
 * {@code QueryServiceConfig} returns ({@code ObjectName} is {@code lpServiceStartName}).
 *
 * @param type the {@code SERVICE_*} type bits ({@code 0x10} own process, {@code 0x20} shared process,
 *     {@code 0x1}/{@code 0x2} drivers)
 * @param start 0 boot, 1 system, 2 automatic, 3 manual, 4 disabled
 * @param account the logon account ({@code ObjectName}), or empty when the key has none
 */
public record WindowsService(String name, String displayName, long type, long start, String account,
    String imagePath) {

  /** True for a program that runs as a service (not a driver), the only kind with a logon account. */
  public boolean isProcess() {
    return (type & 0x30) != 0;
  }

  public boolean isDisabled() {
    return start == 4;
  }

  /** The start type as the Services console names it. */
  public String startName() {
    return switch ((int) start) {
      case 0 -> "boot";
      case 1 -> "system";
      case 2 -> "automatic";
      case 3 -> "manual";
      case 4 -> "disabled";
      default -> "start " + start;
    };
  }
}

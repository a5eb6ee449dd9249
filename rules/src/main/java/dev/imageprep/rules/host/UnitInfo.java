package dev.imageprep.rules.host;

import java.util.List;

/**
 * A systemd unit as its unit files describe it.
 *
 * @param name unit name with suffix ({@code cloud-init.service})
 * @param fragment the unit file that defines it, inside the image
 * @param state {@code enabled}, {@code disabled}, {@code static}, {@code masked} or {@code
 *     generated}, from the unit's install section and the wants/requires links
 * @param execCommands the {@code ExecStart=}, {@code ExecStartPre=} and {@code ExecStartPost=}
 *     command lines
 */
public record UnitInfo(String name, ImagePath fragment, String state, List<String> execCommands) {

  public UnitInfo {
    execCommands = List.copyOf(execCommands);
  }

  public boolean enabled() {
    return state.equals("enabled") || state.equals("static") || state.equals("generated");
  }
}

package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.RegistryKey;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.WindowsRegistry;
import java.util.List;
import java.util.Optional;

/**
 * Every configured network interface gets its address from DHCP. The TCP/IP parameters of each
 * interface are in {@code HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters\Interfaces\{GUID}};
 * an interface with {@code EnableDHCP = 0} and a real {@code IPAddress} is static. The connection
 * name ("Ethernet 2") comes from the network class key, when there.
 *
 * <pre>
 * reg query HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters\Interfaces\{9b1c...}
 *   EnableDHCP    REG_DWORD     0x0
 *   IPAddress     REG_MULTI_SZ  10.0.1.25
 *   SubnetMask    REG_MULTI_SZ  255.255.255.0
 *   DefaultGateway REG_MULTI_SZ 10.0.1.1
 * </pre>
 */
public final class WindowsDhcpCheck extends CheckTypeBase<WindowsDhcpCheck.Params> {

  static final String INTERFACES = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Interfaces";
  static final String CONNECTIONS =
      "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Network\\{4D36E972-E325-11CE-BFC1-08002BE10318}";

  public record Params() {}

  public WindowsDhcpCheck() {
    super("windows-dhcp", "Every configured network interface uses DHCP (no static IPv4 address)", Params.class);
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    WindowsRegistry registry = WindowsRegistry.of(context.host());
    Fact<List<RegistryKey>> interfaces = registry.children(INTERFACES);
    if (!interfaces.isKnown()) {
      return Outcome.unknown("could not read the TCP/IP interfaces", interfaces);
    }
    Judgement judgement = new Judgement();
    int configured = 0;
    for (RegistryKey k : interfaces.value()) {
      List<String> addresses = k.value("IPAddress").map(v -> v.asStrings()).orElse(List.of()).stream()
          .filter(a -> !a.isBlank() && !a.equals("0.0.0.0")).toList();
      boolean dhcp = k.number("EnableDHCP").orElse(0L) == 1;
      if (!dhcp && addresses.isEmpty()) {
        continue; // not configured (a tunnel, an unused adapter)
      }
      configured++;
      if (!dhcp) {
        String guid = k.path().substring(k.path().lastIndexOf('\\') + 1);
        judgement.found(Evidence.of("static-address", connectionName(registry, guid) + " " + guid
            + " has static address " + String.join(", ", addresses)));
      }
    }
    int dhcpOrStatic = configured;
    return judgement.data("interfaces", configured).toOutcome(
        statics -> statics.size() + " interface(s) with a static address: switch them to DHCP",
        () -> "all " + dhcpOrStatic + " configured interface(s) use DHCP");
  }

  private static String connectionName(WindowsRegistry registry, String guid) {
    Fact<Optional<RegistryKey>> k = registry.key(CONNECTIONS + "\\" + guid + "\\Connection");
    return k.isKnown() ? k.value().flatMap(c -> c.text("Name")).map(n -> "\"" + n + "\"").orElse("interface")
        : "interface";
  }
}

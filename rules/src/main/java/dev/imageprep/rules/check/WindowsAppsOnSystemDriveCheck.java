package dev.imageprep.rules.check;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.windows.InstalledApp;
import dev.imageprep.rules.windows.WindowsPath;
import dev.imageprep.rules.windows.WindowsRegistry;
import dev.imageprep.rules.windows.WindowsService;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every application lives on the system drive, which is the only drive the image keeps. Looks at the
 * {@code InstallLocation} and uninstaller of each uninstall entry (both the 64-bit and the 32-bit
 * view) and at the program of each service; any of them on another drive is a finding.
 */
public final class WindowsAppsOnSystemDriveCheck extends CheckTypeBase<WindowsAppsOnSystemDriveCheck.Params> {

  private static final Pattern FIRST_PATH = Pattern.compile("^\\s*(?:\"([^\"]+)\"|(\\S+))");
  private static final Pattern DRIVE = Pattern.compile("(?i)(?:^|[\\s\"=])([A-Z]):\\\\");

  /** @param includeServices also judge the programs services run */
  public record Params(Boolean includeServices) {
    public Params {
      includeServices = includeServices == null || includeServices;
    }
  }

  public WindowsAppsOnSystemDriveCheck() {
    super("windows-apps-on-system-drive",
        "Installed applications and service programs live on the system drive", Params.class);
  }

  @Override
  public Outcome evaluate(Params p, CheckContext context) {
    char system = Character.toUpperCase(context.host().windows().systemDrive());
    WindowsRegistry registry = WindowsRegistry.of(context.host());
    Fact<List<InstalledApp>> apps = registry.installedApps();
    if (!apps.isKnown()) {
      return Outcome.unknown("could not read the installed applications", apps);
    }
    Judgement judgement = new Judgement();
    for (InstalledApp a : apps.value()) {
      for (String where : List.of(a.installLocation(), a.uninstallString())) {
        Optional<Character> drive = driveOf(WindowsPath.expand(where, system));
        if (drive.isPresent() && drive.get() != system) {
          judgement.found(Evidence.of("app-off-system-drive", a.displayName() + " (" + a.view() + "): "
              + where.strip()));
          break;
        }
      }
    }
    int services = 0;
    if (p.includeServices()) {
      Fact<List<WindowsService>> svcs = registry.services();
      if (!svcs.isKnown()) {
        return Outcome.unknown("could not read the services", svcs);
      }
      for (WindowsService s : svcs.value()) {
        if (!s.isProcess()) {
          continue;
        }
        services++;
        Optional<Character> drive = programDrive(WindowsPath.expand(s.imagePath(), system));
        if (drive.isPresent() && drive.get() != system) {
          judgement.found(Evidence.of("service-off-system-drive", s.name() + " runs " + s.imagePath().strip()));
        }
      }
    }
    int serviceCount = services;
    judgement.data("systemDrive", system + ":").data("applications", apps.value().size()).data("services", services);
    return judgement.toOutcome(found -> found.size() + " application(s) or service(s) on a drive other than " + system
        + ": (the image keeps only " + system + ":)", () -> apps.value().size() + " applications"
        + (p.includeServices() ? " and " + serviceCount + " services" : "") + " on " + system
        + ": or without a location");
  }

  /** The drive of the first path in a text such as an uninstall command or a folder. */
  static Optional<Character> driveOf(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = DRIVE.matcher(text);
    return m.find() ? Optional.of(Character.toUpperCase(m.group(1).charAt(0))) : Optional.empty();
  }

  /** The drive of a service's program: the first (possibly quoted) word of its command line. */
  static Optional<Character> programDrive(String commandLine) {
    if (commandLine == null) {
      return Optional.empty();
    }
    Matcher m = FIRST_PATH.matcher(commandLine);
    if (!m.find()) {
      return Optional.empty();
    }
    String program = m.group(1) != null ? m.group(1) : m.group(2);
    return WindowsPath.parse(program).map(WindowsPath::drive);
  }
}

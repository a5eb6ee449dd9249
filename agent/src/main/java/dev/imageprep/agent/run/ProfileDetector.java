package dev.imageprep.agent.run;

import dev.imageprep.rules.host.Fact;
import dev.imageprep.rules.host.HostFacts;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.OsRelease;
import dev.imageprep.rules.host.PackageInventory;
import dev.imageprep.rules.host.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Picks a profile for {@code --profile auto} from what the image shows: the Skylight agent means a
 * WorkSpace, the OpsWorks agent an OpsWorks instance, EC2's DMI vendor (live) or AWS agents in the
 * image mean EC2; otherwise the generic profile, and the report says which and why. Windows images
 * get the Windows profiles.
 */
public final class ProfileDetector {

  /** The choice and the evidence for it, printed in the report. */
  public record Detection(String profile, String reason) {}

  public Detection detect(HostFacts host) {
    if (host.info().platform() == Platform.WINDOWS) {
      return detectWindows(host);
    }
    Optional<String> skylight = firstPresent(host, "/usr/lib/skylight", "/usr/lib/systemd/system/skylight-agent.service",
        "/etc/systemd/system/skylight-agent.service", "/lib/systemd/system/skylight-agent.service");
    if (skylight.isPresent()) {
      return new Detection("workspaces-linux", "auto-detected: Skylight agent present (" + skylight.get() + ")");
    }
    // paths before package databases: reading dpkg's or rpm's database is most of a short run
    Optional<String> opsworks = firstPresent(host, "/opt/aws/opsworks", "/etc/aws/opsworks");
    if (opsworks.isPresent()) {
      return new Detection("opsworks-linux", "auto-detected: OpsWorks agent present (" + opsworks.get() + ")");
    }
    if (!host.info().offline()) {
      Optional<String> vendor = text(host, "/sys/class/dmi/id/sys_vendor");
      if (vendor.isPresent() && vendor.get().strip().equals("Amazon EC2")) {
        return new Detection("ec2-linux", "auto-detected: DMI system vendor is Amazon EC2");
      }
      Optional<String> uuid = text(host, "/sys/hypervisor/uuid");
      if (uuid.isPresent() && uuid.get().strip().toLowerCase(java.util.Locale.ROOT).startsWith("ec2")) {
        return new Detection("ec2-linux", "auto-detected: Xen hypervisor uuid starts with ec2");
      }
    }
    Fact<OsRelease> os = host.os().release();
    if (os.isKnown() && os.value().id().equals("amzn")) {
      return new Detection("ec2-linux", "auto-detected: Amazon Linux");
    }
    Fact<PackageInventory> packages = host.packages().installed();
    if (packages.isKnown() && packages.value().has("opsworks-agent-ruby")) {
      return new Detection("opsworks-linux", "auto-detected: package opsworks-agent-ruby installed");
    }
    if (packages.isKnown() && packages.value().has("amazon-ssm-agent")) {
      return new Detection("ec2-linux", "auto-detected: amazon-ssm-agent installed in the image");
    }
    return new Detection("linux", "auto-detection found no WorkSpaces, OpsWorks or EC2 signs: generic Linux profile");
  }

  /**
   * Windows: the Skylight agent (its service or registry key) means a WorkSpace; EC2Launch, EC2Config
   * or the BIOS maker "Amazon EC2" mean EC2; otherwise the generic Windows profile.
   */
  private Detection detectWindows(HostFacts host) {
    for (String key : List.of("HKLM\\SYSTEM\\CurrentControlSet\\Services\\SkyLightWorkspaceConfigService",
        "HKLM\\SOFTWARE\\Amazon\\SkyLight")) {
      var k = host.registry().key(key);
      if (k.isKnown() && k.value().isPresent()) {
        return new Detection("workspaces-windows", "auto-detected: Skylight agent present (" + key + ")");
      }
    }
    Optional<String> agent = firstPresent(host, "/Program Files/Amazon/EC2Launch/EC2Launch.exe",
        "/ProgramData/Amazon/EC2-Windows/Launch/Module/Ec2Launch.psd1",
        "/Program Files/Amazon/Ec2ConfigService/Ec2Config.exe");
    if (agent.isPresent()) {
      return new Detection("ec2-windows", "auto-detected: EC2 launch agent present (" + agent.get() + ")");
    }
    var bios = host.registry().key("HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS");
    if (bios.isKnown() && bios.value().flatMap(b -> b.text("SystemManufacturer")).filter("Amazon EC2"::equals)
        .isPresent()) {
      return new Detection("ec2-windows", "auto-detected: BIOS maker is Amazon EC2");
    }
    return new Detection("windows", "auto-detection found no WorkSpaces or EC2 signs: generic Windows profile");
  }

  private static Optional<String> firstPresent(HostFacts host, String... paths) {
    for (String p : List.of(paths)) {
      var f = host.files().stat(ImagePath.of(p));
      if (f.isKnown() && f.value().isPresent()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(HostFacts host, String path) {
    return host.files().readText(ImagePath.of(path), 4096).orElse(Optional.empty());
  }
}

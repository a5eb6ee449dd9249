package dev.imageprep.agent.testing;

import dev.imageprep.agent.run.ReportAssembler;
import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.CleanupStatus;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.Platform;
import dev.imageprep.rules.host.Severity;
import dev.imageprep.rules.model.CheckResult;
import dev.imageprep.rules.model.Evidence;
import dev.imageprep.rules.model.HostSection;
import dev.imageprep.rules.model.ProfileDetection;
import dev.imageprep.rules.model.Report;
import dev.imageprep.rules.model.Status;
import dev.imageprep.rules.model.ToolInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports with every status, every cleanup outcome and hostile text (markup, quotes, control
 * characters), built through the real {@link ReportAssembler} so verdicts and counts are the tool's.
 */
public final class SampleReports {

  /** Sources in the catalog's form: the public AWS documents the bundled rules cite. */
  static final String CUSTOM_BUNDLE_GUIDE = "Amazon WorkSpaces Administration Guide, \"Create a custom WorkSpaces image"
      + " and bundle\", https://docs.aws.amazon.com/workspaces/latest/adminguide/create-custom-bundle.html";
  static final String LINUX_WHITEPAPER = "AWS Whitepaper, \"Best practices to prepare your Amazon WorkSpaces for Linux"
      + " images\", https://aws.amazon.com/whitepapers/";

  /** Text that breaks any writer that forgets to escape. */
  public static final String HOSTILE = "<script>alert('x')</script> & \"quoted\" \u0001bell";

  static final Instant START = Instant.parse("2026-05-04T09:30:00Z");
  static final Instant END = Instant.parse("2026-05-04T09:30:07.250Z");
  static final ToolInfo TOOL = new ToolInfo("imageprep", "0.1.0");

  private SampleReports() {}

  public static HostSection host(String profile) {
    return new HostSection(Platform.LINUX, "/", false, "ws-build-01", "Amazon Linux 2", profile,
        "auto-detected: 1 WorkSpaces sign (/usr/lib/skylight)", "workspaces", new ProfileDetection(
            List.of(new ProfileDetection.Sign("path", "/usr/lib/skylight", profile)), false));
  }

  /** A WorkSpace that is not ready: full volume, secrets, an unknown, a warning, a skip, a pass. */
  public static Report notReadyCheck() {
    return new ReportAssembler(TOOL, host("workspaces-linux"), START, Severity.ERROR).check(checks(), plan(), List.of(), END);
  }

  /** The same WorkSpace after prepare: cleaned, verified, ready. */
  public static Report readyPrepare() {
    List<CheckResult> verify = List.of(volume(61.2, Status.PASS), secretsClean(), pass("required-components",
        "cloud-init, the PCoIP agent and the Skylight agent are installed", "all 3 required components present"));
    return new ReportAssembler(TOOL, host("workspaces-linux"), START, Severity.ERROR)
        .prepare(checks().subList(0, 2), done(), verify, false, false, List.of("journal: /run/imageprep/j.jsonl"), END);
  }

  /** A clean that was interrupted half-way. */
  public static Report interruptedClean() {
    List<PlannedStep> steps = List.of(
        step("ssh-host-keys", ActionKind.SHRED, "/etc/ssh/ssh_host_rsa_key", 2590, CleanupStatus.DONE, null),
        step("package-caches", ActionKind.REMOVE, "/var/cache/yum", 734_003_200L, CleanupStatus.SKIPPED,
            "not run: the run was interrupted"),
        step("tmp-files", ActionKind.REMOVE, "/tmp/" + HOSTILE, 12, CleanupStatus.FAILED, "permission denied"));
    return new ReportAssembler(TOOL, host("ec2-linux"), START, Severity.ERROR).clean(steps, false, true,
        List.of("interrupted: run the command again to finish (re-runs are idempotent)"), END);
  }

  static List<CheckResult> checks() {
    return List.of(
        volume(97.8, Status.FAIL),
        new CheckResult("no-secrets-left", "No private keys, credentials or passwords are left in the image",
            Severity.ERROR, Status.FAIL, "3 secret(s) in 3 file(s)", List.of(
                new Evidence("/etc/ssh/ssh_host_rsa_key", 1, "openssh-private-key",
                    "openssh private key: -----BEGIN OPENSSH PRIVATE KEY----- (2519 characters, redacted)",
                    "ssh-host-keys"),
                new Evidence("/root/.aws/credentials", 3, "aws-secret-access-key",
                    "AWS secret access key: wJal…(redacted)", null),
                new Evidence("/opt/app/config.yml", 12, "password", HOSTILE, null)),
            Map.of("filesScanned", 18231, "bytesScanned", 412_000_000L), "Delete or move the listed files out of"
            + " the image.", LINUX_WHITEPAPER, List.of()),
        new CheckResult("required-components", "cloud-init, the PCoIP agent and the Skylight agent are installed",
            Severity.ERROR, Status.UNKNOWN, "could not read the rpm database: permission denied", List.of(),
            Map.of(), "Reinstall the missing components.", CUSTOM_BUNDLE_GUIDE, List.of()),
        profileSize(),
        new CheckResult("pcoip-aes256", "PCoIP sessions are forced to AES-256", Severity.WARNING, Status.WARN,
            "pcoip.enable_aes_128_gcm is 1, expected 0", List.of(Evidence.atPath("/etc/pcoip-agent/pcoip-agent.conf",
                "config-value", "pcoip.enable_aes_128_gcm = 1 (default)")), Map.of(),
            "Set pcoip.enable_aes_128_gcm = 0.", LINUX_WHITEPAPER, List.of()),
        new CheckResult("os-patches", "Operating-system updates are installed", Severity.WARNING, Status.SKIPPED,
            "applies to a running system only, not to a mounted root", List.of(), Map.of(), null,
            LINUX_WHITEPAPER, List.of()),
        pass("tmp-not-noexec", "/tmp is not mounted noexec", "no mount configuration covers /tmp"));
  }

  static CheckResult volume(double percent, Status status) {
    long total = 80L * 1024 * 1024 * 1024;
    long used = (long) (total * percent / 100);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("mount", "/");
    data.put("totalBytes", total);
    data.put("usedBytes", used);
    data.put("availableBytes", total - used);
    data.put("percent", percent);
    data.put("maxPercent", 97.0);
    return new CheckResult("root-volume-usage", "Root volume is below 97 % full", Severity.ERROR, status,
        status == Status.PASS ? percent + " % full, below 97 %" : percent + " % full, at or above the 97 % limit",
        List.of(Evidence.atPath("/", "volume", "/ is " + percent + " % full")), data,
        "Free space on / until df shows less than 97 %.", CUSTOM_BUNDLE_GUIDE, List.of());
  }

  /** A profile-size result in the shape the Windows check writes, plus the largest folders. */
  static CheckResult profileSize() {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("path", "C:\\Users\\admin");
    profile.put("bytes", 11_811_160_064L);
    profile.put("largest", List.of(
        Map.of("path", "C:\\Users\\admin\\AppData\\Local\\Temp", "bytes", 6_442_450_944L),
        Map.of("path", "C:\\Users\\admin\\Documents", "bytes", 3_221_225_472L),
        Map.of("path", "C:\\Users\\admin\\Desktop <b>", "bytes", 1_073_741_824L)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("location", "C:\\Users\\*");
    data.put("limitBytes", 10_737_418_240L);
    data.put("profiles", List.of(profile));
    return new CheckResult("profile-size", "The user profile is under 10 GB", Severity.ERROR, Status.FAIL,
        "profile is 11.0 GiB, over the 10 GiB limit", List.of(), data, "Move large files out of the profile.",
        CUSTOM_BUNDLE_GUIDE, List.of());
  }

  static CheckResult secretsClean() {
    return pass("no-secrets-left", "No private keys, credentials or passwords are left in the image",
        "no secrets in 18228 files (392.9 MiB)");
  }

  static CheckResult pass(String id, String title, String message) {
    return new CheckResult(id, title, Severity.ERROR, Status.PASS, message, List.of(), Map.of(), null,
        CUSTOM_BUNDLE_GUIDE, List.of());
  }

  static List<PlannedStep> plan() {
    return List.of(
        step("ssh-host-keys", ActionKind.SHRED, "/etc/ssh/ssh_host_rsa_key", 2590, CleanupStatus.PLANNED, null),
        step("ssh-host-keys", ActionKind.SHRED, "/etc/ssh/ssh_host_ed25519_key", 399, CleanupStatus.PLANNED, null),
        step("package-caches", ActionKind.REMOVE, "/var/cache/yum", 734_003_200L, CleanupStatus.PLANNED, null),
        step("tmp-files", ActionKind.REMOVE, "/tmp/build-cache", 52_428_800L, CleanupStatus.PLANNED, null),
        step("machine-id", ActionKind.RESET_MACHINE_ID, "/etc/machine-id", 33, CleanupStatus.PLANNED, null));
  }

  static List<PlannedStep> done() {
    return plan().stream().map(s -> s.path().toString().endsWith("ed25519_key")
        ? s.withOutcome(CleanupStatus.SKIPPED, "refused: 2 hard links")
        : s.withOutcome(CleanupStatus.DONE, null)).toList();
  }

  static PlannedStep step(String id, ActionKind action, String path, long bytes, CleanupStatus status,
      String reason) {
    return new PlannedStep(id, action, ImagePath.of(path), null,
        action == ActionKind.REMOVE && !path.contains(".") ? FileType.DIRECTORY : FileType.REGULAR, bytes, null,
        status, reason);
  }
}

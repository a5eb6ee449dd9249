package dev.imageprep.agent.e2e;

import static dev.imageprep.agent.testing.Trees.read;
import static dev.imageprep.agent.testing.Trees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.agent.testing.DebianRoot;
import dev.imageprep.agent.testing.LocalCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sudo revoke --root} on a real Debian 12 root whose {@code /usr/sbin/visudo} is hostile: run as
 * root on this machine, even through chroot, it breaks out of the chroot (the classic chroot-twice
 * escape, with the image's own python3) and leaves a marker outside the image. imageprep must judge
 * the image's sudoers with this machine's visudo and never start the image's.
 */
@Tag("debootstrap")
class SudoRevokeDebianRootTest {

  @TempDir
  Path tmp;

  private Path root;
  private Path outside;
  private LocalCli cli;

  @BeforeEach
  void hostileImage() throws IOException, InterruptedException {
    root = DebianRoot.copyTo(tmp.resolve("debian"));
    outside = tmp.resolve("visudo-of-the-image-ran-here");
    cli = new LocalCli(tmp.resolve("state"), Files.createDirectories(tmp.resolve("cwd")));
    assertThat(root.resolve("usr/bin/python3")).as("cloud-init brings python3").exists();
    Path visudo = root.resolve("usr/sbin/visudo");
    Files.delete(visudo);
    Files.writeString(visudo, String.join("\n",
        "#!/usr/bin/python3",
        "import os",
        "open('/visudo-ran', 'w').write('ran\\n')",
        "os.makedirs('/tmp/cell', exist_ok=True)",
        "os.chroot('/tmp/cell')",
        "for _ in range(64):",
        "    os.chdir('..')",
        "os.chroot('.')",
        "open('" + outside + "', 'w').write('image code ran as root on the host\\n')",
        ""));
    Files.setPosixFilePermissions(visudo, PosixFilePermissions.fromString("rwxr-xr-x"));
    // a WorkSpaces-style administrator: in group sudo and in a drop-in of its own
    Files.writeString(root.resolve("etc/passwd"), "wsadmin:x:1001:1001::/home/wsadmin:/bin/bash\n",
        StandardOpenOption.APPEND);
    Files.writeString(root.resolve("etc/group"), read(root, "/etc/group").replaceFirst("(?m)^sudo:x:27:$",
        "sudo:x:27:wsadmin"));
    Path dropIn = write(root, "/etc/sudoers.d/01-ws-admin-user", "wsadmin ALL=(ALL:ALL) NOPASSWD: ALL\n");
    Files.setPosixFilePermissions(dropIn, PosixFilePermissions.fromString("r--r-----"));
  }

  @AfterEach
  void removeTree() throws IOException, InterruptedException {
    new ProcessBuilder("rm", "-rf", "--one-file-system", root.toString()).inheritIO().start().waitFor();
  }

  @Test
  void revokesWithThisMachinesVisudoAndNeverRunsTheImages() throws IOException {
    assertThat(read(root, "/etc/group")).contains("sudo:x:27:wsadmin");

    LocalCli.Result r = cli.run("sudo", "revoke", "--root", root.toString(), "--yes");

    assertThat(outside).as("the image's visudo ran on this machine").doesNotExist();
    assertThat(root.resolve("visudo-ran")).as("the image's visudo ran, even if chrooted").doesNotExist();
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("removed wsadmin from group sudo (/etc/group)",
        "removed /etc/sudoers.d/01-ws-admin-user");
    assertThat(read(root, "/etc/group")).contains("sudo:x:27:\n");
    assertThat(root.resolve("etc/sudoers.d/01-ws-admin-user")).doesNotExist();
    assertThat(root.resolve("etc/sudoers.d/README")).as("Debian's own drop-in stays").exists();
  }
}

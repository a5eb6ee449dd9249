package dev.imageprep.rules.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imageprep.rules.host.ImagePath;
import org.junit.jupiter.api.Test;

class WindowsPathTest {

  @Test
  void splitsDriveAndImagePath() {
    WindowsPath p = WindowsPath.parse("c:\\Users\\Default\\").orElseThrow();
    assertThat(p.drive()).isEqualTo('C');
    assertThat(p.path()).isEqualTo(ImagePath.of("/Users/Default"));
    assertThat(p).hasToString("C:\\Users\\Default");
    assertThat(WindowsPath.parse("\\\\?\\D:\\Users\\alice").orElseThrow()).hasToString("D:\\Users\\alice");
    assertThat(WindowsPath.parse("\\??\\C:\\x").orElseThrow().path()).isEqualTo(ImagePath.of("/x"));
    assertThat(WindowsPath.parse("C:").orElseThrow().path().isRoot()).isTrue();
    assertThat(WindowsPath.parse("C:/Program Files/Amazon").orElseThrow().path())
        .isEqualTo(ImagePath.of("/Program Files/Amazon"));
  }

  @Test
  void refusesWhatIsNotADrivePath() {
    assertThat(WindowsPath.parse("Users\\Default")).isEmpty();
    assertThat(WindowsPath.parse("\\\\server\\share\\x")).isEmpty();
    assertThat(WindowsPath.parse("%SystemDrive%\\Users")).isEmpty();
    assertThat(WindowsPath.parse(null)).isEmpty();
  }

  @Test
  void dotDotCannotClimbAboveTheDrive() {
    assertThat(WindowsPath.parse("C:\\Windows\\..\\..\\..\\x").orElseThrow().path()).isEqualTo(ImagePath.of("/x"));
  }

  @Test
  void expandsTheMachineVariablesOfTheRegistry() {
    assertThat(WindowsPath.expand("%SystemDrive%\\Users", 'C')).isEqualTo("C:\\Users");
    assertThat(WindowsPath.expand("%systemroot%\\system32\\svchost.exe -k netsvcs", 'd'))
        .isEqualTo("D:\\Windows\\system32\\svchost.exe -k netsvcs");
    assertThat(WindowsPath.expand("%ProgramFiles(x86)%\\Teradici", 'C')).isEqualTo("C:\\Program Files (x86)\\Teradici");
    assertThat(WindowsPath.expand("%USERPROFILE%\\x", 'C')).isEqualTo("%USERPROFILE%\\x");
  }
}

package dev.imageprep.agent.probe.windows;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Structure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The structures mapped by hand have the x64 layout their headers declare: each field is written with
 * a distinct value and found at its documented byte offset, and the sizes are the documented ones.
 * Sources: BY_HANDLE_FILE_INFORMATION, FILE_ATTRIBUTE_TAG_INFO, FILE_BASIC_INFO (fileapi.h,
 * winbase.h) and WIN32_FIND_DATAW (minwinbase.h) on learn.microsoft.com; the JDK reads the first and
 * the last at the same offsets (WindowsFileAttributes.java: SIZEOF_FILE_INFORMATION = 52,
 * OFFSETOF_FIND_DATA_RESERVED0 = 36, SIZEOF_FIND_DATA = 592).
 */
class FileStructsTest {

  @Test
  void byHandleFileInformationIs52BytesOfDwords() {
    FileStructs.ByHandleFileInformation s = new FileStructs.ByHandleFileInformation();
    s.dwFileAttributes = 0x11;
    s.ftCreationTimeLow = 0x21;
    s.ftLastAccessTimeLow = 0x31;
    s.ftLastWriteTimeLow = 0x41;
    s.dwVolumeSerialNumber = 0x51;
    s.nFileSizeHigh = 0x61;
    s.nFileSizeLow = 0x62;
    s.nNumberOfLinks = 0x71;
    s.nFileIndexHigh = 0x81;
    s.nFileIndexLow = 0x82;
    ByteBuffer b = bytes(s);
    assertThat(s.size()).isEqualTo(52);
    assertThat(b.getInt(0)).isEqualTo(0x11);
    assertThat(b.getInt(4)).isEqualTo(0x21);
    assertThat(b.getInt(12)).isEqualTo(0x31);
    assertThat(b.getInt(20)).isEqualTo(0x41);
    assertThat(b.getInt(28)).isEqualTo(0x51);
    assertThat(b.getInt(32)).isEqualTo(0x61);
    assertThat(b.getInt(36)).isEqualTo(0x62);
    assertThat(b.getInt(40)).isEqualTo(0x71);
    assertThat(b.getInt(44)).isEqualTo(0x81);
    assertThat(b.getInt(48)).isEqualTo(0x82);
    RawFileInfo raw = s.toRaw(0);
    assertThat(raw.size()).isEqualTo(0x61_0000_0062L);
    assertThat(raw.fileIndex()).isEqualTo(0x81_0000_0082L);
    assertThat(raw.links()).isEqualTo(0x71);
  }

  @Test
  void fileAttributeTagInfoIsTwoDwords() {
    FileStructs.FileAttributeTagInfo s = new FileStructs.FileAttributeTagInfo();
    s.FileAttributes = 0x2416;
    s.ReparseTag = ReparseTags.MOUNT_POINT;
    ByteBuffer b = bytes(s);
    assertThat(s.size()).isEqualTo(8);
    assertThat(b.getInt(0)).isEqualTo(0x2416);
    assertThat(b.getInt(4)).isEqualTo(0xA0000003);
  }

  @Test
  void fileBasicInfoIsFourLargeIntegersAndADwordPaddedTo40() {
    FileStructs.FileBasicInfo s = new FileStructs.FileBasicInfo();
    s.CreationTime = 1;
    s.LastAccessTime = 2;
    s.LastWriteTime = 3;
    s.ChangeTime = 4;
    s.FileAttributes = 0x20;
    ByteBuffer b = bytes(s);
    assertThat(s.size()).isEqualTo(40);
    assertThat(b.getLong(0)).isEqualTo(1);
    assertThat(b.getLong(8)).isEqualTo(2);
    assertThat(b.getLong(16)).isEqualTo(3);
    assertThat(b.getLong(24)).isEqualTo(4);
    assertThat(b.getInt(32)).isEqualTo(0x20);
  }

  @Test
  void win32FindDataWHasItsTagInReserved0AndWideNames() {
    FileStructs.Win32FindDataW s = new FileStructs.Win32FindDataW();
    s.dwFileAttributes = 0x410;
    s.nFileSizeHigh = 1;
    s.nFileSizeLow = 2;
    s.dwReserved0 = 0x9000701A;
    s.cFileName[0] = 'O';
    s.cAlternateFileName[0] = 'A';
    ByteBuffer b = bytes(s);
    assertThat(s.size()).isEqualTo(592);
    assertThat(b.getInt(0)).isEqualTo(0x410);
    assertThat(b.getInt(28)).isEqualTo(1);
    assertThat(b.getInt(32)).isEqualTo(2);
    assertThat(b.getInt(36)).isEqualTo(0x9000701A);
    assertThat(b.get(44)).isEqualTo((byte) 'O');
    assertThat(b.get(44 + 520)).isEqualTo((byte) 'A');
    assertThat(s.toRaw().reparseTag()).isEqualTo(0x9000701A);
    s.dwFileAttributes = 0x10; // not a reparse point: dwReserved0 means nothing
    assertThat(s.toRaw().reparseTag()).isZero();
  }

  private static ByteBuffer bytes(Structure s) {
    s.write();
    return ByteBuffer.wrap(s.getPointer().getByteArray(0, s.size())).order(ByteOrder.LITTLE_ENDIAN);
  }
}

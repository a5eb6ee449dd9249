package dev.imageprep.agent.testing;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * No-follow attributes as a JDK on Windows reports them (WindowsFileAttributes.java): JDK 17–25
 * report a junction as a directory that is also "other", JDK 26 as "other" only.
 */
public final class JdkAttributes {

  private JdkAttributes() {}

  public static BasicFileAttributes of(boolean directory, boolean other, boolean symlink) {
    return new BasicFileAttributes() {
      @Override
      public FileTime lastModifiedTime() {
        return FileTime.fromMillis(0);
      }

      @Override
      public FileTime lastAccessTime() {
        return FileTime.fromMillis(0);
      }

      @Override
      public FileTime creationTime() {
        return FileTime.fromMillis(0);
      }

      @Override
      public boolean isRegularFile() {
        return !directory && !other && !symlink;
      }

      @Override
      public boolean isDirectory() {
        return directory;
      }

      @Override
      public boolean isSymbolicLink() {
        return symlink;
      }

      @Override
      public boolean isOther() {
        return other;
      }

      @Override
      public long size() {
        return 0;
      }

      @Override
      public Object fileKey() {
        return null;
      }
    };
  }
}

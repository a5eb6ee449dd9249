package dev.imageprep.agent.e2e;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/** What a tree holds: the sizes of its regular files, each file (inode) counted once, links not followed. */
final class TreeBytes {

  private TreeBytes() {}

  static long of(Path root) throws IOException {
    long[] total = {0};
    Set<Object> seen = new HashSet<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && seen.add(attrs.fileKey())) {
          total[0] += attrs.size();
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return total[0];
  }
}

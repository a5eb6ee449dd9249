package dev.imageprep.rules.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An absolute path as seen inside the image ({@code /etc/ssh/ssh_host_rsa_key}), whatever directory
 * the image is mounted at. It is normalised lexically: no empty, {@code .} or {@code ..} components,
 * so it can never name anything above the image's root.
 */
public final class ImagePath implements Comparable<ImagePath> {

  public static final ImagePath ROOT = new ImagePath(List.of());

  private final List<String> names;
  private int hash; // 0 until asked: a plan of a million paths asks its parents' hash a million times

  private ImagePath(List<String> names) {
    this.names = names;
  }

  /**
   * Parses an absolute path. {@code ..} is resolved lexically and stops at the root, as the kernel
   * does for {@code /..}; a relative path is rejected.
   */
  public static ImagePath of(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute image path: " + path);
    }
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      if (part.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("NUL in path: " + path);
      }
      out.add(part);
    }
    return new ImagePath(Collections.unmodifiableList(out));
  }

  public List<String> names() {
    return names;
  }

  public int depth() {
    return names.size();
  }

  public boolean isRoot() {
    return names.isEmpty();
  }

  /** The last component, or the empty string for the root. */
  public String fileName() {
    return names.isEmpty() ? "" : names.get(names.size() - 1);
  }

  /** The parent; the root is its own parent. */
  public ImagePath parent() {
    return names.isEmpty() ? this : new ImagePath(names.subList(0, names.size() - 1));
  }

  /** Appends one plain component (no separators, not {@code .} or {@code ..}). */
  public ImagePath child(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("not a single path component: " + name);
    }
    List<String> out = new ArrayList<>(names);
    out.add(name);
    return new ImagePath(Collections.unmodifiableList(out));
  }

  /** Resolves a symbolic link's target text against this path's parent, lexically. */
  public ImagePath resolveSibling(String linkTarget) {
    if (linkTarget.startsWith("/")) {
      return of(linkTarget);
    }
    return of(parent().toString() + "/" + linkTarget);
  }

  /** True if {@code other} is this path or lies below it. */
  public boolean contains(ImagePath other) {
    return other.names.size() >= names.size() && other.names.subList(0, names.size()).equals(names);
  }

  public ImagePath prefix(int count) {
    return new ImagePath(names.subList(0, count));
  }

  @Override
  public String toString() {
    return names.isEmpty() ? "/" : "/" + String.join("/", names);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImagePath p && p.names.equals(names);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = names.hashCode();
      hash = h;
    }
    return h;
  }

  @Override
  public int compareTo(ImagePath o) {
    int n = Math.min(names.size(), o.names.size());
    for (int i = 0; i < n; i++) {
      int c = names.get(i).compareTo(o.names.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(names.size(), o.names.size());
  }
}

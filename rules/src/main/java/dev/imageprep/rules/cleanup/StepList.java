package dev.imageprep.rules.cleanup;

import dev.imageprep.rules.host.FileNames;
import dev.imageprep.rules.host.FileType;
import dev.imageprep.rules.host.ImagePath;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The steps of a plan (or of a run), kept column by column so that a million files in {@code
 * /var/tmp} take about 50 bytes of heap each instead of a kilobyte: ids and reasons are shared
 * strings, parent directories are shared paths, names are bytes in one array, and the identity is
 * two numbers. {@link #get} builds the {@link PlannedStep} on demand; reading the list in order
 * keeps memory flat. Immutable; {@link Builder} appends, {@link Outcomes} records what a run did
 * without copying the plan.
 */
public final class StepList extends AbstractList<PlannedStep> implements RandomAccess {

  private static final FileType[] TYPES = FileType.values();
  private static final ActionKind[] ACTIONS = ActionKind.values();
  private static final CleanupStatus[] STATUSES = CleanupStatus.values();
  private static final byte PLANNED = (byte) CleanupStatus.PLANNED.ordinal();

  private final Columns c;
  private final byte[] status;
  private final int[] reason;
  private final List<String> strings;
  private final int size;

  private StepList(Columns c, byte[] status, int[] reason, List<String> strings, int size) {
    this.c = c;
    this.status = status;
    this.reason = reason;
    this.strings = strings;
    this.size = size;
  }

  /** The list itself if it already is one, else a compact copy. */
  public static StepList copyOf(List<PlannedStep> steps) {
    if (steps instanceof StepList s) {
      return s;
    }
    Builder b = new Builder();
    steps.forEach(b::add);
    return b.build();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public PlannedStep get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return new PlannedStep(strings.get(c.id[i]), ACTIONS[c.action[i]], path(i), c.matched.get(i), TYPES[c.type[i]],
        c.bytes[i], identity(i), STATUSES[status[i]], reason[i] < 0 ? null : strings.get(reason[i]));
  }

  /** The step's path, without building the rest of the step. */
  public ImagePath path(int i) {
    int p = c.parent[i];
    if (p < 0) {
      return ImagePath.ROOT;
    }
    return c.parents.get(p).child(FileNames.decode(c.names, c.nameStart[i], c.nameStart[i + 1] - c.nameStart[i]));
  }

  public String id(int i) {
    return strings.get(c.id[i]);
  }

  public CleanupStatus status(int i) {
    return STATUSES[status[i]];
  }

  public ActionKind action(int i) {
    return ACTIONS[c.action[i]];
  }

  public long bytes(int i) {
    return c.bytes[i];
  }

  private String identity(int i) {
    if (c.dev[i] >= 0) {
      return "(dev=" + Long.toHexString(c.dev[i]) + ",ino=" + c.ino[i] + ")";
    }
    return c.otherIdentity.get(i);
  }

  /** The first step planned (status {@code planned} when the list was built) for exactly {@code path}, or -1. */
  public int indexOf(ImagePath path) {
    return c.find(path, size);
  }

  /** Steps planned with a {@code matched} path other than their own (a directory symlink on the way). */
  public Map<Integer, ImagePath> matchedPaths() {
    return java.util.Collections.unmodifiableMap(c.matched);
  }

  /** A record of outcomes for this list's steps; unset steps keep their planned status and reason. */
  public Outcomes outcomes() {
    return new Outcomes(this);
  }

  /** Appends steps and builds a {@link StepList}; also answers whether a path was planned already. */
  public static final class Builder {
    private final Columns c = new Columns();
    private final Strings strings = new Strings();
    private byte[] status = new byte[16];
    private int[] reason = new int[16];
    private int size;

    public int size() {
      return size;
    }

    public Builder add(PlannedStep s) {
      c.ensure(size + 1);
      if (status.length < size + 1) {
        status = Arrays.copyOf(status, c.id.length);
        reason = Arrays.copyOf(reason, c.id.length);
      }
      int i = size;
      c.id[i] = strings.index(s.id());
      c.action[i] = (byte) s.action().ordinal();
      c.type[i] = (byte) s.type().ordinal();
      c.bytes[i] = s.bytes();
      status[i] = (byte) s.status().ordinal();
      reason[i] = s.reason() == null ? -1 : strings.index(s.reason());
      setPath(i, s.path());
      if (s.matched() != null) {
        c.matched.put(i, s.matched());
      }
      setIdentity(i, s.identity());
      size++;
      if (s.isPlanned()) {
        c.index(i, size, status);
      }
      return this;
    }

    /** The planned step (status {@code planned}) for exactly this path, if any. */
    public Optional<PlannedStep> planned(ImagePath path) {
      int j = c.find(path, size);
      return j < 0 ? Optional.empty() : Optional.of(build().get(j));
    }

    public boolean contains(ImagePath path) {
      return c.find(path, size) >= 0;
    }

    /** The steps so far; later additions do not show in it. */
    public StepList build() {
      return new StepList(c, status, reason, strings.view(), size);
    }

    private void setPath(int i, ImagePath path) {
      if (path.isRoot()) {
        c.parent[i] = -1;
        c.nameStart[i + 1] = c.nameStart[i];
        return;
      }
      c.parent[i] = c.parentIndex.computeIfAbsent(path.parent(), p -> {
        c.parents.add(p);
        return c.parents.size() - 1;
      });
      byte[] name = FileNames.encode(path.fileName());
      c.ensureNames(c.nameStart[i] + name.length);
      System.arraycopy(name, 0, c.names, c.nameStart[i], name.length);
      c.nameStart[i + 1] = c.nameStart[i] + name.length;
    }

    private void setIdentity(int i, String identity) {
      long[] key = identity == null ? null : unixKey(identity);
      if (key != null) {
        c.dev[i] = key[0];
        c.ino[i] = key[1];
        return;
      }
      c.dev[i] = -1;
      if (identity != null) {
        c.otherIdentity.put(i, identity);
      }
    }
  }

  /**
   * The device and inode of java.nio's UnixFileKey text, {@code (dev=803,ino=1234)} (device in hex,
   * inode in decimal), or null for anything that would not read back as the same text.
   */
  static long[] unixKey(String s) {
    int comma = s.indexOf(",ino=");
    if (!s.startsWith("(dev=") || comma < 6 || !s.endsWith(")")) {
      return null;
    }
    try {
      long dev = Long.parseLong(s, 5, comma, 16);
      long ino = Long.parseLong(s, comma + 5, s.length() - 1, 10);
      String back = "(dev=" + Long.toHexString(dev) + ",ino=" + ino + ")";
      return dev >= 0 && back.length() == s.length() && back.equals(s) ? new long[] {dev, ino} : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** What a run did with each step of a list, kept beside the list instead of in a copy of it. */
  public static final class Outcomes {
    private final StepList list;
    private final byte[] status;
    private final int[] reason;
    private final Strings strings;

    private Outcomes(StepList list) {
      this.list = list;
      this.status = Arrays.copyOf(list.status, list.size);
      this.reason = Arrays.copyOf(list.reason, list.size);
      this.strings = new Strings(list.strings);
    }

    public void set(int i, CleanupStatus newStatus, String newReason) {
      status[i] = (byte) newStatus.ordinal();
      reason[i] = newReason == null ? -1 : strings.index(newReason);
    }

    /** The steps with the outcomes set so far. */
    public StepList list() {
      return new StepList(list.c, status.clone(), reason.clone(), List.copyOf(strings.view()), list.size);
    }
  }

  /** The shared columns, grown by doubling while a list is built. */
  private static final class Columns {
    int[] id = new int[16];
    byte[] action = new byte[16];
    byte[] type = new byte[16];
    long[] bytes = new long[16];
    int[] parent = new int[16];
    int[] nameStart = new int[17];
    byte[] names = new byte[256];
    long[] dev = new long[16];
    long[] ino = new long[16];
    final List<ImagePath> parents = new ArrayList<>();
    final Map<Integer, ImagePath> matched = new HashMap<>();
    final Map<Integer, String> otherIdentity = new HashMap<>();
    final Map<ImagePath, Integer> parentIndex = new HashMap<>();
    int[] slots = emptySlots(64); // open addressing: planned steps by path, the first for a path wins

    private static int[] emptySlots(int n) {
      int[] a = new int[n];
      Arrays.fill(a, -1);
      return a;
    }

    /** The first planned step (below {@code size}) whose path is {@code path}, or -1. */
    int find(ImagePath path, int size) {
      int p = path.isRoot() ? -1 : parentIndex.getOrDefault(path.parent(), -2);
      if (p == -2) {
        return -1;
      }
      byte[] name = path.isRoot() ? new byte[0] : FileNames.encode(path.fileName());
      int mask = slots.length - 1;
      for (int slot = hash(p, name, 0, name.length) & mask; slots[slot] >= 0; slot = (slot + 1) & mask) {
        int j = slots[slot];
        if (parent[j] == p && Arrays.equals(names, nameStart[j], nameStart[j + 1], name, 0, name.length)) {
          return j < size ? j : -1;
        }
      }
      return -1;
    }

    /** Indexes step {@code i}, a planned one; growing the table re-indexes the planned steps so far. */
    void index(int i, int size, byte[] status) {
      if (size * 2 > slots.length) {
        slots = emptySlots(slots.length * 2);
        for (int j = 0; j < size; j++) {
          if (status[j] == PLANNED) {
            insert(j);
          }
        }
      } else {
        insert(i);
      }
    }

    private void insert(int i) {
      int mask = slots.length - 1;
      for (int slot = hash(parent[i], names, nameStart[i], nameStart[i + 1]) & mask; ; slot = (slot + 1) & mask) {
        int j = slots[slot];
        if (j < 0) {
          slots[slot] = i;
          return;
        }
        if (parent[j] == parent[i]
            && Arrays.equals(names, nameStart[j], nameStart[j + 1], names, nameStart[i], nameStart[i + 1])) {
          return; // a later step for the same path: the first keeps the slot
        }
      }
    }

    private static int hash(int parent, byte[] names, int from, int to) {
      int h = 1;
      for (int k = from; k < to; k++) {
        h = 31 * h + names[k];
      }
      h = 31 * h + parent;
      return h ^ (h >>> 16);
    }

    void ensure(int n) {
      if (n <= id.length) {
        return;
      }
      int cap = Math.max(n, id.length * 2);
      id = Arrays.copyOf(id, cap);
      action = Arrays.copyOf(action, cap);
      type = Arrays.copyOf(type, cap);
      bytes = Arrays.copyOf(bytes, cap);
      parent = Arrays.copyOf(parent, cap);
      nameStart = Arrays.copyOf(nameStart, cap + 1);
      dev = Arrays.copyOf(dev, cap);
      ino = Arrays.copyOf(ino, cap);
    }

    void ensureNames(int n) {
      if (n > names.length) {
        names = Arrays.copyOf(names, Math.max(n, names.length * 2));
      }
    }
  }

  /** Strings stored once each (item ids, reasons), numbered in the order they arrive. */
  private static final class Strings {
    private final List<String> list = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    Strings() {}

    Strings(List<String> initial) {
      for (String s : initial) {
        index(s);
      }
    }

    int index(String s) {
      Integer i = index.get(s);
      if (i == null) {
        i = list.size();
        list.add(s);
        index.put(s, i);
      }
      return i;
    }

    /** The strings so far, by number; strings added later do not change the numbers. */
    List<String> view() {
      return java.util.Collections.unmodifiableList(list);
    }
  }
}

package dev.imageprep.agent.probe.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Brings a hive that was not closed cleanly up to date from its transaction logs, in memory, the way
 * Windows does when it loads the hive; the hive's and the logs' files are only ever read.
 *
 * <p>New-format logs first: their entries are applied in sequence order, starting with the log whose
 * base block has the lower sequence number (unless it is older than the hive), continuing into the
 * other log only if its first entry follows the last one applied, and stopping at the first entry
 * that is damaged. Otherwise the old format: the one log whose last-written time is not older than
 * the hive's has its dirty vector applied whole. A hive with a damaged header takes its header from
 * the log it applies. The rules are the public format specification's ("Dirty state of a hive",
 * "Multiple transaction log files") and those of the specification author's reader, yarp.
 */
final class HiveRecovery {

  /** Hive bins beyond this cannot be addressed by a Java array; no real hive comes near it. */
  static final long MAX_BINS = Integer.MAX_VALUE - 2L * BaseBlock.SIZE;

  /** A log file's name and its bytes. */
  record LogFile(String name, ByteBuffer bytes) {}

  /** The hive image to read, and how it was obtained. */
  record Result(ByteBuffer image, HiveState state) {}

  private HiveRecovery() {}

  /**
   * @param logs the logs found beside the hive (read only if the hive is dirty)
   * @param problems what was already wrong with finding them (two names differing only in case)
   * @throws HiveException when the file is not a hive, or its header is damaged and no log repairs it
   */
  static Result recover(String name, ByteBuffer primary, List<LogFile> logs, List<String> problems)
      throws HiveException {
    BaseBlock base = BaseBlock.read(primary, name);
    if (base.clean()) {
      return new Result(primary, HiveState.clean(name));
    }
    List<String> why = new ArrayList<>(problems);
    List<String> empty = new ArrayList<>();
    List<TransactionLog> usable = new ArrayList<>();
    for (LogFile log : logs) {
      if (log.bytes().capacity() == 0) {
        empty.add(log.name() + " is empty"); // Windows 8.1 and later keep an empty .LOG beside .LOG1/.LOG2
        continue;
      }
      try {
        usable.add(TransactionLog.read(log.name(), log.bytes()));
      } catch (HiveException e) {
        why.add(e.getMessage());
      }
    }
    if (logs.isEmpty() && problems.isEmpty()) {
      why.add("there is no .LOG, .LOG1 or .LOG2 file beside it");
    }
    List<Step> plan = usable.stream().anyMatch(l -> l.format() == TransactionLog.Format.NEW)
        ? newFormat(base, usable, why) : oldFormat(base, primary, usable, why);
    String dirty = name + (base.checksumValid() ? " was not closed cleanly (sequence numbers " + base.sequences() + ")"
        : " has a damaged header (checksum mismatch)");
    if (!plan.isEmpty()) {
      Optional<Result> replayed = apply(dirty, primary, base, plan, why);
      if (replayed.isPresent()) {
        return replayed.get();
      }
    }
    why.addAll(empty);
    if (!base.checksumValid()) {
      throw new HiveException(dirty + " and no log could repair it (" + String.join("; ", why) + ")");
    }
    return new Result(primary, new HiveState(HiveState.Kind.NOT_RECOVERED, 0, 0, List.of(),
        dirty + " and no log could be applied (" + String.join("; ", why) + "); judged from the primary file"));
  }

  /** One entry to apply, with the log it comes from. */
  private record Step(TransactionLog log, LogEntry entry) {}

  private static List<Step> newFormat(BaseBlock base, List<TransactionLog> logs, List<String> why) {
    List<TransactionLog> ordered = new ArrayList<>();
    for (TransactionLog log : logs) {
      if (log.format() != TransactionLog.Format.NEW) {
        why.add(log.name() + " is in the old format, beside logs in the new one");
      } else if (base.checksumValid() && before(log.base().primarySequence(), base.secondarySequence())) {
        why.add(log.name() + " is older than the hive (sequence " + Integer.toUnsignedString(
            log.base().primarySequence()) + ", the hive is at " + Integer.toUnsignedString(base.secondarySequence()) + ")");
      } else {
        ordered.add(log);
      }
    }
    if (ordered.isEmpty()) {
      return List.of();
    }
    // serial-number order, so that a sequence number that wrapped around still sorts after the others
    int pivot = ordered.get(0).base().primarySequence();
    ordered.sort(Comparator.comparingInt(l -> l.base().primarySequence() - pivot));
    if (!base.checksumValid() && ordered.size() > 1) {
      ordered.subList(0, ordered.size() - 1).clear(); // with no header to go by, Windows takes the newer log
    }
    List<Step> plan = new ArrayList<>();
    for (TransactionLog log : ordered) {
      if (!plan.isEmpty() && log.base().primarySequence() != plan.get(plan.size() - 1).entry().sequence() + 1) {
        why.add(log.name() + " does not continue where the previous log ends");
        break;
      }
      if (log.entries().isEmpty()) {
        why.add(log.damage() != null ? log.damage() : log.name() + " holds no log entries");
        break;
      }
      log.entries().forEach(e -> plan.add(new Step(log, e)));
      if (log.damage() != null) {
        why.add(log.damage());
        break;
      }
    }
    return plan;
  }

  private static List<Step> oldFormat(BaseBlock base, ByteBuffer primary, List<TransactionLog> logs, List<String> why) {
    long written = base.checksumValid() ? base.lastWritten()
        : primary.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(BaseBlock.SIZE + 20); // the first bin's copy
    TransactionLog chosen = null;
    for (TransactionLog log : logs) {
      if (Long.compareUnsigned(log.base().lastWritten(), written) < 0) {
        why.add(log.name() + " was written before the hive's last write");
      } else if (chosen == null || before(chosen.base().primarySequence(), log.base().primarySequence())) {
        chosen = log;
      }
    }
    return chosen == null ? List.of() : List.of(new Step(chosen, chosen.entries().get(0)));
  }

  /** Whether sequence number {@code a} comes before {@code b}, allowing for wrap-around. */
  private static boolean before(int a, int b) {
    return a - b < 0;
  }

  private static Optional<Result> apply(String dirty, ByteBuffer primary, BaseBlock base, List<Step> plan,
      List<String> why) {
    byte[] image = new byte[primary.capacity()];
    primary.get(0, image);
    long bins = Math.max(image.length - BaseBlock.SIZE, base.checksumValid() ? Integer.toUnsignedLong(base.binsSize()) : 0);
    List<Step> applied = new ArrayList<>();
    int pages = 0;
    for (Step step : plan) {
      LogEntry e = step.entry();
      long target = Integer.toUnsignedLong(e.binsSize());
      // a hive grows by whole bins, which the entry that grows it carries as dirty pages
      if (target > bins + e.pageBytes()) {
        why.add(step.log().name() + ": log entry " + Integer.toUnsignedString(e.sequence()) + " claims "
            + target + " bytes of hive bins, more than its pages can fill");
        break;
      }
      if (BaseBlock.SIZE + target > image.length) {
        image = Arrays.copyOf(image, (int) (BaseBlock.SIZE + target));
      }
      for (DirtyPage p : e.pages()) {
        step.log().copy(p, image, BaseBlock.SIZE + p.binsOffset());
      }
      bins = target;
      pages += e.pages().size();
      applied.add(step);
    }
    if (applied.isEmpty()) {
      return Optional.empty();
    }
    Step last = applied.get(applied.size() - 1);
    writeHeader(image, base.checksumValid(), last, (int) bins);
    List<String> names = applied.stream().map(s -> s.log().name()).distinct().toList();
    boolean old = last.log().format() == TransactionLog.Format.OLD;
    String did = old ? "replayed the dirty vector of " + names.get(0) + " (old format, " + pages + " dirty pages)"
        : "replayed " + applied.size() + (applied.size() == 1 ? " log entry (" : " log entries (") + pages
            + " dirty pages) from " + String.join(" and ", names);
    String detail = dirty + "; " + did + ", as Windows does when it loads the hive"
        + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
    return Optional.of(new Result(ByteBuffer.wrap(image),
        new HiveState(HiveState.Kind.REPLAYED, applied.size(), pages, names, detail)));
  }

  /**
   * The header of the replayed hive: the primary's (or, when that is damaged, the log's copy), with
   * both sequence numbers at the last entry applied, the bins size it left, the log's root cell, and
   * a fresh checksum.
   */
  private static void writeHeader(byte[] image, boolean primaryValid, Step last, int bins) {
    ByteBuffer header = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
    if (!primaryValid) {
      Arrays.fill(image, 0, BaseBlock.SIZE, (byte) 0);
      last.log().copyHeader(image);
    }
    header.putInt(BaseBlock.PRIMARY_SEQUENCE, last.entry().sequence());
    header.putInt(BaseBlock.SECONDARY_SEQUENCE, last.entry().sequence());
    header.putInt(BaseBlock.FILE_TYPE, BaseBlock.TYPE_PRIMARY);
    header.putInt(BaseBlock.ROOT_CELL, last.log().base().rootCell());
    header.putInt(BaseBlock.BINS_SIZE, bins);
    header.putInt(BaseBlock.CHECKSUM, BaseBlock.checksum(header));
  }
}

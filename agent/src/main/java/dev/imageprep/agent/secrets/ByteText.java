package dev.imageprep.agent.secrets;

import java.nio.charset.StandardCharsets;

/**
 * A file's bytes seen as characters one to one (ISO-8859-1), so regular expressions run on the
 * buffer without decoding it. Secrets are ASCII; UTF-8 text around them becomes harmless high
 * characters. Every read is charged to the file's {@link ScanBudget}.
 */
final class ByteText implements CharSequence {

  private final byte[] data;
  private final int start;
  private final int end;
  private final ScanBudget budget;

  ByteText(byte[] data, int start, int end, ScanBudget budget) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.budget = budget;
  }

  @Override
  public int length() {
    return end - start;
  }

  @Override
  public char charAt(int index) {
    budget.spend();
    return (char) (data[start + index] & 0xff);
  }

  @Override
  public CharSequence subSequence(int from, int to) {
    return new ByteText(data, start + from, start + to, budget);
  }

  @Override
  public String toString() {
    return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
  }
}

package dev.imageprep.agent.secrets;

import java.util.List;

/**
 * Recognises a secret by the file itself, its name or its first bytes, before the text scan and for
 * binary files too (a PKCS#12 key store is binary).
 */
interface FileInspector {

  List<DetectorKind> kinds();

  /**
   * @param head the first bytes of the file (up to the scanner's sniff size)
   * @param binary whether the file is binary (and will not be scanned as text)
   */
  void inspect(String imagePath, byte[] head, int headLength, boolean binary, Findings out);

  /** True when the first bytes say the inspector needs the whole binary file (a key store), not just its head. */
  default boolean wantsWholeFile(byte[] head, int headLength) {
    return false;
  }
}

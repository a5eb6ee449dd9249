package dev.imageprep.agent.cleanup;

import dev.imageprep.rules.cleanup.ActionKind;
import dev.imageprep.rules.cleanup.PlannedStep;
import dev.imageprep.rules.windows.AdminPasswords;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Blanks the clear-text administrator password in an EC2Launch configuration file and sets the
 * password type to random (see {@link AdminPasswords#clear}). Only those two values change; the file
 * is rewritten in place through the no-follow handle, cut to its new length and flushed.
 */
public final class ClearPasswordAction implements CleanupAction {

  @Override
  public ActionKind kind() {
    return ActionKind.CLEAR_PASSWORD;
  }

  @Override
  public String apply(PlannedStep step, Target target, BasicFileAttributes attrs, LongConsumer progress)
      throws IOException {
    RegularFiles.requireRegular(attrs);
    if (attrs.size() > AdminPasswords.MAX_BYTES) {
      throw new IOException("refused: larger than " + AdminPasswords.MAX_BYTES + " bytes");
    }
    try (SeekableByteChannel ch = target.openForWrite()) {
      ByteBuffer buf = ByteBuffer.allocate((int) attrs.size());
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // read the whole file
      }
      buf.flip();
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
      } catch (CharacterCodingException e) {
        throw new IOException("refused: not a UTF-8 file");
      }
      Optional<String> cleared;
      try {
        cleared = AdminPasswords.clear(AdminPasswords.Format.of(step.path().fileName()), text);
      } catch (AdminPasswords.FormatException e) {
        throw new IOException("refused: " + e.getMessage());
      }
      if (cleared.isEmpty()) {
        return "no clear-text password any more; unchanged";
      }
      byte[] out = cleared.get().getBytes(StandardCharsets.UTF_8);
      ch.position(0);
      ByteBuffer w = ByteBuffer.wrap(out);
      while (w.hasRemaining()) {
        ch.write(w);
      }
      ch.truncate(out.length);
      RegularFiles.force(ch);
    }
    return "password blanked, password type set to random";
  }
}

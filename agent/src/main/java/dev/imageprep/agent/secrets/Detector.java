package dev.imageprep.agent.secrets;

import dev.imageprep.rules.host.ImagePath;
import dev.imageprep.rules.host.SecretFinding;
import java.util.List;

/** Finds one kind of secret in a file's text. Previews must already be redacted. */
public interface Detector {

  String id();

  List<SecretFinding> scan(ImagePath path, String text);
}

package dev.imageprep.rules.host;

import dev.imageprep.rules.model.Severity;

/**
 * One secret found in the image. It never carries the secret's value: {@code preview} is already
 * redacted by the detector that found it.
 *
 * @param detector the detector's id ({@code openssh-private-key}, {@code aws-access-key})
 * @param line 1-based line, or 0 when the whole file is the finding (a PKCS#12 file)
 */
public record SecretFinding(ImagePath path, int line, String detector, Severity severity, String title, String preview) {}

package dev.imageprep.rules.host;


/**
 * One secret found in the image. It never carries the secret's value: {@code preview} is already
 * redacted by the detector that found it.
 *
 * @param path the file as the image sees it (symlinks on the way resolved inside the image)
 * @param line 1-based line, or 0 when the whole file is the finding (a PKCS#12 file)
 * @param detector the detector's id ({@code openssh-private-key}, {@code aws-access-key-id})
 * @param title what was found, in words
 * @param preview a redacted preview that is safe to print
 */
public record SecretFinding(ImagePath path, int line, String detector, Severity severity, String title, String preview) {}

package dev.imageprep.rules.host;

/** A file a scan did not read, and why (too large, unreadable, special file). */
public record SkippedFile(ImagePath path, String reason) {}

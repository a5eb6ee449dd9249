package dev.imageprep.rules.host;

/**
 * Who is being judged.
 *
 * @param root the directory holding the image on this machine ({@code /} on a live system)
 * @param offline true when the image is a mounted root ({@code --root}), not the running system
 * @param hostname the running machine's name (live), or null
 */
public record HostInfo(Platform platform, String root, boolean offline, String hostname) {}

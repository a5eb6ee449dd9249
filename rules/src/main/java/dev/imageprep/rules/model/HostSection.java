package dev.imageprep.rules.model;

import dev.imageprep.rules.host.Platform;

/**
 * Which machine or image a report is about. Paths elsewhere in the report are as seen inside the
 * image; {@code root} names, once, where that image sits on the machine that ran imageprep.
 *
 * @param profileReason why this profile was used ({@code --profile}, or what auto-detection saw)
 * @param detection with {@code --profile auto}: the signs seen and whether the choice was a fallback
 */
public record HostSection(
    Platform platform,
    String root,
    boolean offline,
    String hostname,
    String os,
    String profile,
    String profileReason,
    String environment,
    ProfileDetection detection) {}

package dev.imageprep.rules.host;

/** One installed package, as the image's package database records it. */
public record InstalledPackage(String name, String version, String architecture) {}

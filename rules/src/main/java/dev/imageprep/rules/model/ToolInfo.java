package dev.imageprep.rules.model;

/** The program that wrote a report. */
public record ToolInfo(String name, String version) {}

package dev.imageprep.rules.windows;

/**
 * An application as its uninstall entry describes it ({@code Programs and Features}).
 *
 * @param key the uninstall key's path
 * @param view {@code 64-bit} or {@code 32-bit} (the {@code Wow6432Node} view)
 * @param installLocation {@code InstallLocation}, often empty (MSI packages rarely set it)
 * @param systemComponent {@code SystemComponent = 1}: hidden from Programs and Features
 */
public record InstalledApp(String key, String view, String displayName, String version, String publisher,
    String installLocation, String uninstallString, boolean systemComponent) {}

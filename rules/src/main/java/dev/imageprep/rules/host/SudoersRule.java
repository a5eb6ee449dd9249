package dev.imageprep.rules.host;

/**
 * One user specification in a sudoers file that grants rights to a user or a group.
 *
 * @param principal a user name, or {@code %group}
 * @param text the line as written (sudoers holds no secrets)
 */
public record SudoersRule(ImagePath file, int line, String principal, String text) {}

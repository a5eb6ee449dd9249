package dev.imageprep.rules.windows;

/**
 * A user profile registered under {@code ProfileList}.
 *
 * @param sid the account's security identifier ({@code S-1-5-21-...})
 * @param path {@code ProfileImagePath} with machine variables expanded ({@code D:\Users\alice})
 */
public record UserProfile(String sid, String path) {}

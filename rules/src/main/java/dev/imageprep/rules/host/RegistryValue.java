package dev.imageprep.rules.host;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One value of a registry key, decoded. {@code data} is a {@link String} for {@code REG_SZ}, {@code
 * REG_EXPAND_SZ} (not expanded) and {@code REG_LINK}, a {@link Long} for {@code REG_DWORD} and
 * {@code REG_QWORD}, a {@code List<String>} for {@code REG_MULTI_SZ}, and a {@code byte[]} copy for
 * anything else.
 *
 * @param name the value's name; the empty string is the key's default value
 */
public record RegistryValue(String name, Type type, Object data) {

  /** The registry value types, by their {@code REG_*} numbers. */
  public enum Type {
    NONE(0), SZ(1), EXPAND_SZ(2), BINARY(3), DWORD(4), DWORD_BIG_ENDIAN(5), LINK(6), MULTI_SZ(7),
    RESOURCE_LIST(8), FULL_RESOURCE_DESCRIPTOR(9), RESOURCE_REQUIREMENTS_LIST(10), QWORD(11), UNKNOWN(-1);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    public static Type ofCode(int code) {
      for (Type t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      return UNKNOWN;
    }

    public String key() {
      return "REG_" + name();
    }
  }

  public RegistryValue {
    name = name == null ? "" : name;
    if (data instanceof byte[] b) {
      data = b.clone();
    } else if (data instanceof List<?> l) {
      data = List.copyOf(l);
    }
  }

  public static RegistryValue text(String name, String value) {
    return new RegistryValue(name, Type.SZ, value);
  }

  public static RegistryValue dword(String name, long value) {
    return new RegistryValue(name, Type.DWORD, value);
  }

  public static RegistryValue multi(String name, List<String> values) {
    return new RegistryValue(name, Type.MULTI_SZ, values);
  }

  /** The value as text: strings as they are, numbers in decimal, multi-strings joined with {@code ;}. */
  public Optional<String> asText() {
    if (data instanceof String s) {
      return Optional.of(s);
    }
    if (data instanceof Long n) {
      return Optional.of(Long.toString(n));
    }
    if (data instanceof List<?> l) {
      return Optional.of(String.join(";", l.stream().map(String::valueOf).toList()));
    }
    return Optional.empty();
  }

  /** The value as a number: DWORD and QWORD as they are, a string holding a decimal number parsed. */
  public Optional<Long> asLong() {
    if (data instanceof Long n) {
      return Optional.of(n);
    }
    if (data instanceof String s) {
      try {
        return Optional.of(Long.parseLong(s.strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The value as a list of strings: a multi-string, or a single string as a one-element list. */
  public List<String> asStrings() {
    if (data instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    if (data instanceof String s) {
      return List.of(s);
    }
    return List.of();
  }

  /** Case-insensitive name comparison, as the registry compares names. */
  public boolean isNamed(String other) {
    return name.toUpperCase(Locale.ROOT).equals(other.toUpperCase(Locale.ROOT));
  }
}

package dev.imageprep.rules.catalog;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds a YAML block to a parameter record: keys are the components' names in kebab-case
 * ({@code max-percent} → {@code maxPercent}), values are converted to the components' types
 * (text, whole and decimal numbers, booleans, enums by their catalog key, lists, maps, nested
 * records), and every mismatch is an error at the YAML line and column of the offending key or
 * value. A record's own validation (its compact constructor throwing) is reported at the record.
 *
 * <p>Why not Jackson: it did the same job, but its first use costs more start-up time than the rest
 * of a {@code check} run, and its errors needed translating back to YAML positions anyway.
 */
final class RecordBinder {

  private final String typeKey;

  /** @param typeKey the check type being bound, named in every error */
  RecordBinder(String typeKey) {
    this.typeKey = typeKey;
  }

  /** Binds a mapping (or nothing: every component null) to a record type. */
  <R> R bindRecord(Class<R> type, YamlNode node, YamlNode where) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    if (node != null && !node.isNull()) {
      Map<String, YamlNode> given = node.mapping("the parameters of " + typeKey);
      Map<String, Integer> byKey = new LinkedHashMap<>();
      for (int i = 0; i < components.length; i++) {
        byKey.put(kebab(components[i].getName()), i);
      }
      for (Map.Entry<String, YamlNode> e : given.entrySet()) {
        Integer index = byKey.get(e.getKey());
        if (index == null) {
          throw new CatalogException(node.keyProblem(e.getKey(), "unknown parameter '" + e.getKey() + "' for type "
              + typeKey + " (known: " + String.join(", ", new java.util.TreeSet<>(byKey.keySet())) + ")"));
        }
        values[index] = convert(e.getValue(), components[index].getGenericType(), e.getKey());
      }
    }
    try {
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        if (types[i].isPrimitive() && values[i] == null) {
          throw (node == null ? where : node).error("bad parameter for type " + typeKey + ": '"
              + kebab(components[i].getName()) + "' is required");
        }
      }
      Constructor<R> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
        throw (node == null ? where : node).error(typeKey + ": " + cause.getMessage());
      }
      throw new IllegalStateException("cannot build " + type.getSimpleName(), cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }

  private Object convert(YamlNode node, Type type, String name) {
    if (node.isNull()) {
      return null;
    }
    Class<?> raw = rawClass(type);
    if (raw == String.class) {
      return scalar(node, name, "text");
    }
    if (raw == Double.class || raw == double.class) {
      return number(node, name).doubleValue();
    }
    if (raw == Long.class || raw == long.class) {
      return whole(node, name).longValueExact();
    }
    if (raw == Integer.class || raw == int.class) {
      return whole(node, name).intValueExact();
    }
    if (raw == Boolean.class || raw == boolean.class) {
      if (!(node.raw() instanceof ScalarNode s) || !s.getTag().equals(Tag.BOOL)) {
        throw bad(node, name, "true or false");
      }
      return Boolean.parseBoolean(s.getValue().toLowerCase(Locale.ROOT));
    }
    if (raw.isEnum()) {
      String text = scalar(node, name, "one of " + enumKeys(raw));
      for (Object constant : raw.getEnumConstants()) {
        if (enumKey((Enum<?>) constant).equals(text)) {
          return constant;
        }
      }
      throw bad(node, name, "one of " + enumKeys(raw));
    }
    if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>();
      for (YamlNode item : node.list("'" + name + "'")) {
        out.add(convert(item, element, name + " entries"));
      }
      return out;
    }
    if (raw == Map.class) {
      Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, YamlNode> e : node.mapping("'" + name + "'").entrySet()) {
        out.put(e.getKey(), convert(e.getValue(), value, e.getKey()));
      }
      return out;
    }
    if (raw.isRecord()) {
      return bindRecord(raw, node, node);
    }
    throw new IllegalStateException("parameter type " + type + " is not supported by the catalog");
  }

  private String scalar(YamlNode node, String name, String expected) {
    if (!(node.raw() instanceof ScalarNode s)) {
      throw bad(node, name, expected);
    }
    return s.getValue();
  }

  private BigDecimal number(YamlNode node, String name) {
    if (node.raw() instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
      try {
        return new BigDecimal(s.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        throw bad(node, name, "a number");
      }
    }
    throw bad(node, name, "a number");
  }

  private BigInteger whole(YamlNode node, String name) {
    if (node.raw() instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      try {
        return new BigInteger(s.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        throw bad(node, name, "a whole number");
      }
    }
    throw bad(node, name, "a whole number");
  }

  private CatalogException bad(YamlNode node, String name, String expected) {
    return node.error("bad parameter for type " + typeKey + ": '" + name + "' must be " + expected + ", found "
        + node.describe());
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("parameter type " + type + " is not supported by the catalog");
  }

  /** An enum's catalog spelling: its {@code key()} when it has one, else its name in kebab-case. */
  private static String enumKey(Enum<?> constant) {
    try {
      return String.valueOf(constant.getClass().getMethod("key").invoke(constant));
    } catch (ReflectiveOperationException e) {
      return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static String enumKeys(Class<?> type) {
    List<String> keys = new ArrayList<>();
    for (Object c : type.getEnumConstants()) {
      keys.add(enumKey((Enum<?>) c));
    }
    return String.join(", ", keys);
  }

  /** {@code maxPercent} → {@code max-percent}. */
  static String kebab(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('-').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}

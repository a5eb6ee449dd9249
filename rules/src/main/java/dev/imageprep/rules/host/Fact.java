package dev.imageprep.rules.host;

import java.util.Objects;
import java.util.function.Function;

/**
 * A fact about the host: either known, with its value, or unknown, with the reason it could not be
 * read. Checks turn an unknown fact into an {@code unknown} result, never into a pass.
 */
public sealed interface Fact<T> permits Fact.Known, Fact.Unknown {

  static <T> Fact<T> known(T value) {
    return new Known<>(value);
  }

  static <T> Fact<T> unknown(String reason) {
    return new Unknown<>(reason);
  }

  boolean isKnown();

  /** The value; throws on an unknown fact, so call it only after {@link #isKnown()}. */
  T value();

  /** The reason an unknown fact could not be read; empty for a known fact. */
  String reason();

  <R> Fact<R> map(Function<? super T, ? extends R> f);

  <R> Fact<R> flatMap(Function<? super T, Fact<R>> f);

  T orElse(T fallback);

  record Known<T>(T value) implements Fact<T> {
    public Known {
      Objects.requireNonNull(value, "a known fact has a value");
    }

    @Override
    public boolean isKnown() {
      return true;
    }

    @Override
    public String reason() {
      return "";
    }

    @Override
    public <R> Fact<R> map(Function<? super T, ? extends R> f) {
      return new Known<>(f.apply(value));
    }

    @Override
    public <R> Fact<R> flatMap(Function<? super T, Fact<R>> f) {
      return f.apply(value);
    }

    @Override
    public T orElse(T fallback) {
      return value;
    }
  }

  record Unknown<T>(String reason) implements Fact<T> {
    public Unknown {
      Objects.requireNonNull(reason, "an unknown fact says why");
    }

    @Override
    public boolean isKnown() {
      return false;
    }

    @Override
    public T value() {
      throw new IllegalStateException("fact is unknown: " + reason);
    }

    @Override
    public <R> Fact<R> map(Function<? super T, ? extends R> f) {
      return new Unknown<>(reason);
    }

    @Override
    public <R> Fact<R> flatMap(Function<? super T, Fact<R>> f) {
      return new Unknown<>(reason);
    }

    @Override
    public T orElse(T fallback) {
      return fallback;
    }
  }
}

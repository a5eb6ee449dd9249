package dev.imageprep.agent;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets forbiddenapis pass one method or class that needs an API the build otherwise bans (the
 * console streams, {@code sun.misc.Signal}); the value says why. forbiddenapis matches it by name.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
public @interface SuppressForbidden {

  /** Why the banned API is the right one here. */
  String value();
}

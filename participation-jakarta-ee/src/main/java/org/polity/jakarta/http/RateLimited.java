package org.polity.jakarta.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose calls {@link RateLimits} bounds per client and minute: past the
 * limit it answers 429 with {@code Retry-After}. The limit is the setting named by {@link
 * #setting()}, which the capability of the method declares.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

  /**
   * The key of the setting holding the calls allowed per client and minute.
   *
   * @return the key, such as {@code polity.voting.receipt-checks-per-minute}
   */
  String setting();

  /**
   * The calls allowed per client and minute when the setting is not configured.
   *
   * @return the default limit
   */
  int perMinute();
}

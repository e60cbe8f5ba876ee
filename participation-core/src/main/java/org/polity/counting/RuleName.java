package org.polity.counting;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name under which a {@link org.polity.counting.spi.CountingRule} implementation is found by
 * {@link CountingRules#named(String)}, e.g. {@code @RuleName("mes")}. Read from the class without
 * instantiating it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleName {
  /**
   * @return the rule's name: lower case, no spaces
   */
  String value();
}

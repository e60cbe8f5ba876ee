package org.polity.process;

import java.util.Locale;
import java.util.Objects;

/**
 * Thrown by {@link Outcome#orElseThrow()} when a caller insists on an outcome that was refused. Its
 * message is the refusal's English explanation.
 */
public final class RefusalException extends IllegalStateException {

  private final transient Refusal refusal;

  /**
   * An exception carrying a refusal.
   *
   * @param refusal the refusal
   */
  public RefusalException(Refusal refusal) {
    super(Objects.requireNonNull(refusal, "refusal").message(Locale.ENGLISH));
    this.refusal = refusal;
  }

  /**
   * The refusal.
   *
   * @return the refusal
   */
  public Refusal refusal() {
    return refusal;
  }
}

package org.polity.jakarta.problem;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@link Refusal} on its way out: thrown by {@link Result#orElseThrow()} and by a service that
 * must roll a transaction back, answered by {@link ProblemMappers} as a problem document in the
 * reader's language. Not a JAX-RS type: a host portal's code catches it like any exception.
 */
public final class RefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  /**
   * The exception.
   *
   * @param refusal the refusal
   */
  public RefusedException(Refusal refusal) {
    super(
        Objects.requireNonNull(refusal, "refusal").code() + ": " + refusal.detail(Locale.ENGLISH));
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

package org.polity.jakarta.problem;

import java.util.Objects;

/**
 * A well-formed request that the domain refuses: for example a second ballot where changing a
 * ballot is not allowed. The domain answers with a value; the REST layer turns a refusal into this
 * exception, which becomes a 409 (conflict with the current state) or 422 (a rule says no) problem.
 */
public final class RefusalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  /**
   * A refusal.
   *
   * @param code a stable, machine-readable reason, such as {@code already-voted}; it becomes the
   *     end of the problem type URI
   * @param status 409 or 422
   * @param message what happened and what the caller can do, for a human
   */
  public RefusalException(String code, int status, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    if (status != 409 && status != 422) {
      throw new IllegalArgumentException(
          "A refusal's status is " + status + ": use 409 (conflict) or 422 (a rule refuses).");
    }
    this.status = status;
  }

  /**
   * The stable reason.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The HTTP status.
   *
   * @return 409 or 422
   */
  public int status() {
    return status;
  }
}

package org.polity.process;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a request that may be refused for an expected reason (the phase does not allow it,
 * the project's status does not allow that move): either {@link Done} with a value, or {@link
 * Refused} with a {@link Refusal}. A refused request changed nothing.
 *
 * <pre>{@code
 * Outcome<ProjectId> submitted = edition.submit(proposal);
 * if (submitted instanceof Outcome.Refused<ProjectId> refused) {
 *   show(refused.refusal().message(locale));
 * }
 * }</pre>
 *
 * @param <T> the type of the value when done
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

  /**
   * A done outcome.
   *
   * @param value the value
   * @param <T> its type
   * @return the outcome
   */
  static <T> Outcome<T> done(T value) {
    return new Done<>(value);
  }

  /**
   * A refused outcome.
   *
   * @param refusal why
   * @param <T> the type the value would have had
   * @return the outcome
   */
  static <T> Outcome<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }

  /**
   * Whether the request was done.
   *
   * @return true if done
   */
  boolean isDone();

  /**
   * The value, or an exception carrying the refusal.
   *
   * @return the value
   * @throws RefusalException if refused
   */
  T orElseThrow();

  /**
   * The refusal, if refused.
   *
   * @return the refusal or empty
   */
  Optional<Refusal> refusal();

  /**
   * A request that was done.
   *
   * @param value the resulting value
   * @param <T> its type
   */
  record Done<T>(T value) implements Outcome<T> {
    /** Refuses a null value. */
    public Done {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean isDone() {
      return true;
    }

    @Override
    public T orElseThrow() {
      return value;
    }

    @Override
    public Optional<Refusal> refusal() {
      return Optional.empty();
    }
  }

  /**
   * A request that was refused; nothing changed.
   *
   * @param reason why
   * @param <T> the type the value would have had
   */
  record Refused<T>(Refusal reason) implements Outcome<T> {
    /** Refuses a null reason. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public T orElseThrow() {
      throw new RefusalException(reason);
    }

    @Override
    public Optional<Refusal> refusal() {
      return Optional.of(reason);
    }
  }
}

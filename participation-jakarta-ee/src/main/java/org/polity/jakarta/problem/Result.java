package org.polity.jakarta.problem;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an application service's use case gives back: its value, or the {@link Refusal} that stopped
 * it. Expected refusals are values, not exceptions; a REST resource calls {@link #orElseThrow()}
 * and lets {@link ProblemMappers} answer, a portal page shows {@link #refusal()} in its own way.
 *
 * @param <T> the value
 */
public sealed interface Result<T> permits Result.Ok, Result.Refused {

  /**
   * A value.
   *
   * @param value the value
   * @param <T> its type
   * @return the result
   */
  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  /**
   * A refusal.
   *
   * @param refusal why
   * @param <T> the value type
   * @return the result
   */
  static <T> Result<T> refused(Refusal refusal) {
    return new Refused<>(refusal);
  }

  /**
   * The value, or {@link RefusedException} with the refusal.
   *
   * @return the value
   * @throws RefusedException when refused
   */
  T orElseThrow();

  /**
   * The refusal, if any.
   *
   * @return the refusal, or empty for a value
   */
  Optional<Refusal> refusal();

  /**
   * The value transformed, the refusal kept.
   *
   * @param mapper the transformation
   * @param <U> the new value type
   * @return the result
   */
  <U> Result<U> map(Function<? super T, ? extends U> mapper);

  /**
   * The result of a next step that may itself be refused, this refusal kept.
   *
   * @param next the next step
   * @param <U> the new value type
   * @return the next step's result, or this refusal
   */
  default <U> Result<U> flatMap(Function<? super T, Result<U>> next) {
    return refusal().isPresent() ? Result.refused(refusal().get()) : next.apply(orElseThrow());
  }

  /**
   * A value.
   *
   * @param value the value
   * @param <T> its type
   */
  record Ok<T>(T value) implements Result<T> {
    /** Checks the value. */
    public Ok {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public T orElseThrow() {
      return value;
    }

    @Override
    public Optional<Refusal> refusal() {
      return Optional.empty();
    }

    @Override
    public <U> Result<U> map(Function<? super T, ? extends U> mapper) {
      return new Ok<>(mapper.apply(value));
    }
  }

  /**
   * A refusal.
   *
   * @param reason why
   * @param <T> the value type
   */
  record Refused<T>(Refusal reason) implements Result<T> {
    /** Checks the refusal. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public T orElseThrow() {
      throw reason.toException();
    }

    @Override
    public Optional<Refusal> refusal() {
      return Optional.of(reason);
    }

    @Override
    public <U> Result<U> map(Function<? super T, ? extends U> mapper) {
      return new Refused<>(reason);
    }
  }
}

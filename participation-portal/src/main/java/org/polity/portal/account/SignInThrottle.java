package org.polity.portal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, in memory: after {@value #PER_EMAIL} failed sign-ins for one e-mail
 * or {@value #PER_ADDRESS} from one client address within {@link #WINDOW}, further attempts are
 * refused until the oldest failure leaves the window. A restart forgets the failures.
 */
public final class SignInThrottle {

  /** Failures allowed for one e-mail within the window. */
  public static final int PER_EMAIL = 5;

  /** Failures allowed from one client address within the window. */
  public static final int PER_ADDRESS = 20;

  /** The window. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** How many keys a map holds before the expired ones are swept out. */
  private static final int SWEEP_ABOVE = 10_000;

  private final Map<String, Deque<Instant>> byEmail = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

  /** No failure yet. */
  public SignInThrottle() {}

  /**
   * How long a sign-in must wait, if it must.
   *
   * @param email the lower-cased e-mail
   * @param address the client address, or empty when unknown
   * @param now the instant
   * @return the wait, or empty when the attempt may go on
   */
  public Optional<Duration> wait(String email, String address, Instant now) {
    Optional<Duration> a = wait(byEmail, email, PER_EMAIL, now);
    Optional<Duration> b =
        address.isEmpty() ? Optional.empty() : wait(byAddress, address, PER_ADDRESS, now);
    if (a.isPresent() && b.isPresent()) {
      return Optional.of(a.get().compareTo(b.get()) > 0 ? a.get() : b.get());
    }
    return a.or(() -> b);
  }

  /**
   * Notes a failure.
   *
   * @param email the lower-cased e-mail
   * @param address the client address, or empty
   * @param now the instant
   */
  public void failed(String email, String address, Instant now) {
    note(byEmail, email, now);
    if (!address.isEmpty()) {
      note(byAddress, address, now);
    }
  }

  /**
   * Forgets the failures of an e-mail after a successful sign-in.
   *
   * @param email the lower-cased e-mail
   */
  public void succeeded(String email) {
    byEmail.remove(email);
  }

  private static void note(Map<String, Deque<Instant>> map, String key, Instant now) {
    if (map.size() > SWEEP_ABOVE) {
      // many e-mails or addresses failed: forget those whose failures have all left the window
      map.values()
          .removeIf(
              d -> {
                synchronized (d) {
                  prune(d, now);
                  return d.isEmpty();
                }
              });
    }
    Deque<Instant> failures = map.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (failures) {
      prune(failures, now);
      failures.addLast(now);
    }
  }

  private static Optional<Duration> wait(
      Map<String, Deque<Instant>> map, String key, int allowed, Instant now) {
    Deque<Instant> failures = map.get(key);
    if (failures == null) {
      return Optional.empty();
    }
    synchronized (failures) {
      prune(failures, now);
      if (failures.size() < allowed) {
        return Optional.empty();
      }
      Instant oldest = failures.toArray(Instant[]::new)[failures.size() - allowed];
      return Optional.of(Duration.between(now, oldest.plus(WINDOW)));
    }
  }

  private static void prune(Deque<Instant> failures, Instant now) {
    while (!failures.isEmpty() && !failures.peekFirst().plus(WINDOW).isAfter(now)) {
      failures.removeFirst();
    }
  }
}

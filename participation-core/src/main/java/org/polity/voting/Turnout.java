package org.polity.voting;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many participants have a counted ballot, per channel. The total always equals the number of
 * counted ballots (one person, one vote).
 *
 * @param byChannel the number of voters per channel of their counted ballot; every kind present
 */
public record Turnout(Map<ChannelKind, Long> byChannel) {

  /** Copies the map, filling absent kinds with zero; refuses negative counts. */
  public Turnout {
    Objects.requireNonNull(byChannel, "byChannel");
    EnumMap<ChannelKind, Long> copy = new EnumMap<>(ChannelKind.class);
    for (ChannelKind kind : ChannelKind.values()) {
      long count = byChannel.getOrDefault(kind, 0L);
      if (count < 0) {
        throw new IllegalArgumentException("The turnout for " + kind + " is " + count + " (< 0).");
      }
      copy.put(kind, count);
    }
    byChannel = Collections.unmodifiableMap(copy);
  }

  /**
   * @return the number of voters, all channels together
   */
  public long total() {
    return byChannel.values().stream().mapToLong(Long::longValue).sum();
  }
}

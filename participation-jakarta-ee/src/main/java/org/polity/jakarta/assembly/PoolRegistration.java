package org.polity.jakarta.assembly;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polity.sortition.Respondent;

/**
 * One person in a process's pool, as staff see it: a respondent id that says nothing about the
 * person, their answers to the pool's features, how they registered and, at the desk, who encoded
 * it. Neither the person's key nor any evidence is part of it.
 *
 * @param respondentId the id in the people file, such as {@code r-3f9a0c12d4}
 * @param features the answer to each feature, in the declaration's order
 * @param channel online by the person, or at the desk
 * @param encodedBy the staff member who encoded it at the desk; empty online
 * @param registeredAt when
 */
public record PoolRegistration(
    String respondentId,
    Map<String, String> features,
    Channel channel,
    Optional<String> encodedBy,
    Instant registeredAt) {

  /** How a person joined the pool. */
  public enum Channel {
    /** By themselves, signed in. */
    ONLINE,
    /** At the one-stop desk, encoded by a staff member. */
    DESK;

    /**
     * The code stored and exported.
     *
     * @return {@code online} or {@code desk}
     */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The channel of a code.
     *
     * @param code {@code online} or {@code desk}
     * @return the channel
     * @throws IllegalArgumentException for another code
     */
    public static Channel of(String code) {
      return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Copies the answers and requires the encoder at the desk. */
  public PoolRegistration {
    Objects.requireNonNull(respondentId, "respondentId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(registeredAt, "registeredAt");
    features = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
    encodedBy = encodedBy == null ? Optional.empty() : encodedBy;
    if (channel == Channel.DESK && encodedBy.isEmpty()) {
      throw new IllegalArgumentException(
          "A desk registration records who encoded it: give encodedBy.");
    }
  }

  /**
   * The respondent of the draw: the id, the features, the channel and the encoder as columns.
   *
   * @return the respondent
   */
  public Respondent respondent() {
    Map<String, String> columns = new LinkedHashMap<>(features);
    columns.put("channel", channel.code());
    columns.put("encoded_by", encodedBy.orElse(""));
    return new Respondent(respondentId, columns);
  }
}

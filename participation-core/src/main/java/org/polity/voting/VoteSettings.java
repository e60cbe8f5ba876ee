package org.polity.voting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polity.ballot.BallotForm;
import org.polity.common.BudgetId;

/**
 * How the vote on one budget runs: when it opens and closes, until when staff may still encode
 * paper ballots, whether a voter may change their ballot, and whether paper ballots need a second
 * encoder's confirmation.
 *
 * <pre>{@code
 * VoteSettings settings = VoteSettings.builder(BudgetId.of("pb-2026"))
 *     .opens(Instant.parse("2026-05-01T08:00:00Z"))
 *     .closes(Instant.parse("2026-05-31T20:00:00Z"))
 *     .deskEncodingUntil(Instant.parse("2026-06-02T16:00:00Z"))
 *     .changesAllowed(true)
 *     .secondEncoderRequired(true)
 *     .build();
 * }</pre>
 *
 * @param budget the budget voted on
 * @param opensAt the first instant at which a ballot is accepted
 * @param closesAt the instant from which no ballot is accepted, except paper ballots encoded by
 *     staff for voters who have not voted, until {@code deskEncodingUntil}
 * @param deskEncodingUntil the end of desk encoding; equal to or after {@code closesAt}. After
 *     {@code closesAt} a desk encoding never replaces a ballot.
 * @param changesAllowed whether a voter may change their ballot until the vote closes (the latest
 *     counts)
 * @param secondEncoderRequired whether a paper ballot counts only after a second staff member has
 *     encoded it again identically
 * @param form what a valid ballot is ({@link BallotForm}: kind, number of projects, basket,
 *     points), checked by {@link CastPolicy} on every ballot of every channel; empty for a vote
 *     whose ballots are checked elsewhere (a plain-Java count of ballots already validated)
 */
public record VoteSettings(
    BudgetId budget,
    Instant opensAt,
    Instant closesAt,
    Instant deskEncodingUntil,
    boolean changesAllowed,
    boolean secondEncoderRequired,
    Optional<BallotForm> form) {

  /**
   * Settings without a ballot form.
   *
   * @param budget the budget voted on
   * @param opensAt the first instant at which a ballot is accepted
   * @param closesAt the instant from which no ballot is accepted
   * @param deskEncodingUntil the end of desk encoding
   * @param changesAllowed whether a voter may change their ballot
   * @param secondEncoderRequired whether paper ballots need a second encoder
   */
  public VoteSettings(
      BudgetId budget,
      Instant opensAt,
      Instant closesAt,
      Instant deskEncodingUntil,
      boolean changesAllowed,
      boolean secondEncoderRequired) {
    this(
        budget,
        opensAt,
        closesAt,
        deskEncodingUntil,
        changesAllowed,
        secondEncoderRequired,
        Optional.empty());
  }

  /** Refuses missing values and inverted periods. */
  public VoteSettings {
    Objects.requireNonNull(budget, "budget");
    form = form == null ? Optional.empty() : form;
    Objects.requireNonNull(opensAt, "opensAt");
    Objects.requireNonNull(closesAt, "closesAt");
    Objects.requireNonNull(deskEncodingUntil, "deskEncodingUntil");
    if (!closesAt.isAfter(opensAt)) {
      throw new IllegalArgumentException(
          "The vote on "
              + budget
              + " closes at "
              + closesAt
              + ", not after it opens at "
              + opensAt
              + ": give a closing instant after the opening one.");
    }
    if (deskEncodingUntil.isBefore(closesAt)) {
      throw new IllegalArgumentException(
          "Desk encoding for "
              + budget
              + " ends at "
              + deskEncodingUntil
              + ", before the vote"
              + " closes at "
              + closesAt
              + ": it must end at or after the close.");
    }
  }

  /**
   * Whether the vote is over for every channel at an instant: desk encoding has ended, nothing can
   * enter the count any more, so the counted ballots may be published and the vote sealed.
   *
   * @param now the instant
   * @return whether {@code now} is at or after {@link #deskEncodingUntil()}
   */
  public boolean finishedAt(Instant now) {
    return !now.isBefore(deskEncodingUntil);
  }

  /**
   * The instant from which a ballot of a channel is refused: {@link #deskEncodingUntil()} for a
   * desk ballot, {@link #closesAt()} for any other.
   *
   * @param channel the channel
   * @return the closing instant for that channel
   */
  public Instant closingAt(Channel channel) {
    return channel instanceof Channel.Desk ? deskEncodingUntil : closesAt;
  }

  /**
   * These settings with another ballot form.
   *
   * @param ballotForm the form
   * @return new settings
   */
  public VoteSettings withForm(BallotForm ballotForm) {
    return new VoteSettings(
        budget,
        opensAt,
        closesAt,
        deskEncodingUntil,
        changesAllowed,
        secondEncoderRequired,
        Optional.of(ballotForm));
  }

  /**
   * These settings with another closing instant and end of desk encoding ({@link
   * CastPolicy#rescheduling} says whether the change is allowed).
   *
   * @param newClosesAt the new close
   * @param newDeskEncodingUntil the new end of desk encoding, at or after the close
   * @return new settings
   */
  public VoteSettings rescheduled(Instant newClosesAt, Instant newDeskEncodingUntil) {
    return new VoteSettings(
        budget,
        opensAt,
        newClosesAt,
        newDeskEncodingUntil,
        changesAllowed,
        secondEncoderRequired,
        form);
  }

  /**
   * A builder; by default changes are not allowed, no second encoder is required, and desk encoding
   * ends when the vote closes.
   *
   * @param budget the budget voted on
   * @return a builder
   */
  public static Builder builder(BudgetId budget) {
    return new Builder(budget);
  }

  /** Builds {@link VoteSettings}; opening and closing instants are required. */
  public static final class Builder {
    private final BudgetId budget;
    private Instant opensAt;
    private Instant closesAt;
    private Instant deskEncodingUntil;
    private boolean changesAllowed;
    private boolean secondEncoderRequired;
    private BallotForm form;

    private Builder(BudgetId budget) {
      this.budget = Objects.requireNonNull(budget, "budget");
    }

    /**
     * @param instant when the vote opens
     * @return this builder
     */
    public Builder opens(Instant instant) {
      this.opensAt = instant;
      return this;
    }

    /**
     * @param instant when the vote closes
     * @return this builder
     */
    public Builder closes(Instant instant) {
      this.closesAt = instant;
      return this;
    }

    /**
     * @param instant until when staff may encode paper ballots (at or after the close)
     * @return this builder
     */
    public Builder deskEncodingUntil(Instant instant) {
      this.deskEncodingUntil = instant;
      return this;
    }

    /**
     * @param allowed whether voters may change their ballot until the close
     * @return this builder
     */
    public Builder changesAllowed(boolean allowed) {
      this.changesAllowed = allowed;
      return this;
    }

    /**
     * @param required whether paper ballots need a second encoder's confirmation
     * @return this builder
     */
    public Builder secondEncoderRequired(boolean required) {
      this.secondEncoderRequired = required;
      return this;
    }

    /**
     * @param ballotForm what a valid ballot is
     * @return this builder
     */
    public Builder form(BallotForm ballotForm) {
      this.form = Objects.requireNonNull(ballotForm, "ballotForm");
      return this;
    }

    /**
     * @return the settings
     */
    public VoteSettings build() {
      if (opensAt == null || closesAt == null) {
        throw new IllegalStateException(
            "The vote on " + budget + " needs opens(...) and closes(...) before build().");
      }
      return new VoteSettings(
          budget,
          opensAt,
          closesAt,
          deskEncodingUntil == null ? closesAt : deskEncodingUntil,
          changesAllowed,
          secondEncoderRequired,
          Optional.ofNullable(form));
    }
  }
}

package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;
import org.polity.jakarta.spi.Setting;

/**
 * The descriptor of voting: the ballot box ({@code /api/v1/budgets/{id}/ballots}, receipts,
 * participation), the vote's window and seal, turnout, and paper ballots; its tables (migration V1)
 * and its entities.
 */
@ApplicationScoped
public class VotingCapability implements Capability {

  /** {@code polity.voting.receipt-checks-per-minute}: receipt checks per client and minute. */
  public static final String RECEIPT_CHECKS_PER_MINUTE = "polity.voting.receipt-checks-per-minute";

  /** The receipt checks a client may make per minute when none is configured. */
  public static final int DEFAULT_RECEIPT_CHECKS_PER_MINUTE = 30;

  private static final Setting RECEIPT_CHECKS_SETTING =
      Setting.of(
          RECEIPT_CHECKS_PER_MINUTE,
          Integer.toString(DEFAULT_RECEIPT_CHECKS_PER_MINUTE),
          "How many receipt checks (GET /api/v1/budgets/{id}/receipts/{code}) one client may make"
              + " per minute, 1 to 10000; more are answered 429 with Retry-After.",
          VotingCapability::receiptChecksProblem);

  /** {@code polity.voting.receipt-shows-ballot}: whether a receipt check shows the ballot. */
  public static final String RECEIPT_SHOWS_BALLOT = "polity.voting.receipt-shows-ballot";

  private static final Setting SHOWS_BALLOT =
      Setting.of(
          RECEIPT_SHOWS_BALLOT,
          "false",
          "Whether checking a receipt shows the ballot's contents. By default it shows only that"
              + " the ballot is counted and its fingerprint (the receipt hash) in the published"
              + " ballots: a receipt that shows the ballot lets a voter prove their vote to a"
              + " buyer (docs/integrity.md).",
          value ->
              value.equals("true") || value.equals("false")
                  ? java.util.Optional.empty()
                  : java.util.Optional.of("is " + value + ": give true or false."));

  /**
   * Whether a receipt check shows the ballot ({@value #RECEIPT_SHOWS_BALLOT}).
   *
   * @param config the configuration
   * @return the setting
   */
  public static boolean receiptShowsBallot(org.eclipse.microprofile.config.Config config) {
    return SHOWS_BALLOT.value(config).map("true"::equals).orElse(false);
  }

  /** Creates the descriptor; CDI calls it (tools outside CDI may too). */
  public VotingCapability() {}

  @Override
  public String id() {
    return "voting";
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(BallotResource.class, VoteResource.class, PaperBallotResource.class);
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        Permission.of(
            "voting.cast", "Cast a ballot, and see whether one has voted.", PolityRole.PARTICIPANT),
        Permission.of(
            "voting.configure",
            "Open a budget's vote (its window) and seal it when it is over.",
            PolityRole.ADMINISTRATOR),
        Permission.of(
            "voting.turnout",
            "See the turnout of a vote while it runs.",
            PolityRole.STAFF,
            PolityRole.MODERATOR,
            PolityRole.ADMINISTRATOR),
        Permission.of(
            "voting.encode-paper",
            "Encode, confirm or discard paper ballots (four-eyes).",
            PolityRole.ENCODER));
  }

  @Override
  public List<Setting> settings() {
    return List.of(RECEIPT_CHECKS_SETTING, SHOWS_BALLOT);
  }

  static Optional<String> receiptChecksProblem(String value) {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= 10_000) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    return Optional.of(
        "the receipt checks per minute are '" + value + "': give a whole number from 1 to 10000.");
  }

  @Override
  public Optional<String> migrations() {
    return Optional.of("db/migration/polity/voting");
  }

  @Override
  public Set<Class<?>> entities() {
    return Set.of(
        VoteRecord.class,
        ParticipationRecord.class,
        BallotRecord.class,
        PendingEncodingRecord.class,
        VoteChangeRecord.class,
        DeskAttestationRecord.class);
  }
}

package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.persistence.PolityDatabase;

/**
 * The ballot box on the database. One counted ballot per participant per budget is enforced by
 * the unique constraint on {@code polity_participation (participant_key, budget_id)} inside the
 * same transaction that stores the ballot, so it holds across application nodes that share one
 * database. A ballot is acknowledged (an {@link CastOutcome.Accepted} returned, a {@link
 * BallotCast} fired) only after its transaction committed.
 *
 * <p>Concurrent casts by the same participant: the first insert wins; the others hit the unique
 * constraint, roll back, and are retried, now finding the participation row, which they lock
 * ({@code SELECT ... FOR UPDATE}) before replacing the ballot (when changes are allowed) or
 * refusing ({@code already-voted}).
 */
@ApplicationScoped
public class JpaBallotBox {

  /** How often a cast is retried after losing a race on the unique constraint. */
  static final int MAX_ATTEMPTS = 8;

  private static final Logger LOG = Logger.getLogger(JpaBallotBox.class.getName());
  private static final String RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject PolityDatabase database;
  @Inject PolitySettings settings;
  @Inject ParticipantKeys keys;
  @Inject Event<BallotCast> ballotCast;

  /** Creates the bean; CDI calls it. */
  public JpaBallotBox() {}

  /**
   * Casts (or replaces) a participant's ballot for a budget.
   *
   * @param participantKey the participant's key ({@link ParticipantKeys#participantKey(String)})
   * @param budget the budget
   * @param ballot the ballot
   * @param channel where the ballot came from
   * @return accepted (committed) or refused
   */
  public CastOutcome cast(String participantKey, BudgetId budget, Ballot ballot, Channel channel) {
    String slot = keys.slot(participantKey, budget);
    String kind = BallotJson.kind(ballot);
    String contents = BallotJson.toJson(ballot).toString();
    PersistenceException lastRace = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        CastOutcome outcome = database.inTransaction(
            em -> castOnce(em, participantKey, budget, slot, kind, contents, channel));
        if (outcome instanceof CastOutcome.Accepted accepted) {
          fire(new BallotCast(budget, accepted.receiptCode(), accepted.replaced()));
        }
        return outcome;
      } catch (PersistenceException e) {
        if (!isRace(e)) {
          throw e;
        }
        lastRace = e;
      }
    }
    throw new IllegalStateException("A ballot could not be stored after " + MAX_ATTEMPTS
        + " attempts under contention for the same participant and budget.", lastRace);
  }

  private CastOutcome castOnce(EntityManager em, String participantKey, BudgetId budget,
      String slot, String kind, String contents, Channel channel) {
    List<ParticipationRecord> existing = em.createQuery(
            "select p from ParticipationRecord p"
                + " where p.participantKey = :key and p.budgetId = :budget",
            ParticipationRecord.class)
        .setParameter("key", participantKey)
        .setParameter("budget", budget.value())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
    String receipt = newReceiptCode();
    if (existing.isEmpty()) {
      em.persist(new ParticipationRecord(UUID.randomUUID().toString(), participantKey,
          budget.value(), channel.name().toLowerCase(java.util.Locale.ROOT)));
      em.persist(new BallotRecord(UUID.randomUUID().toString(), budget.value(), slot, receipt,
          kind, contents));
      em.flush();
      return new CastOutcome.Accepted(receipt, false);
    }
    if (!settings.allowBallotChange()) {
      return new CastOutcome.Refused("already-voted",
          "You have already voted in budget " + budget + ", and ballots cannot be changed.");
    }
    List<BallotRecord> ballots = em.createQuery(
            "select b from BallotRecord b where b.slot = :slot", BallotRecord.class)
        .setParameter("slot", slot)
        .getResultList();
    if (ballots.isEmpty()) {
      // Participation without an online ballot: a paper ballot was counted for this person.
      return new CastOutcome.Refused("already-voted",
          "A ballot of yours in budget " + budget + " was already counted on paper.");
    }
    ballots.get(0).replace(receipt, kind, contents);
    em.flush();
    return new CastOutcome.Accepted(receipt, true);
  }

  /**
   * Whether a participant has a counted ballot in a budget.
   *
   * @param participantKey the participant key
   * @param budget the budget
   * @return true when they took part
   */
  public boolean hasVoted(String participantKey, BudgetId budget) {
    return database.inTransaction(em -> em.createQuery(
            "select count(p) from ParticipationRecord p"
                + " where p.participantKey = :key and p.budgetId = :budget", Long.class)
        .setParameter("key", participantKey)
        .setParameter("budget", budget.value())
        .getSingleResult() > 0);
  }

  /**
   * How many participants have a counted ballot in a budget.
   *
   * @param budget the budget
   * @return the number of participants
   */
  public long turnout(BudgetId budget) {
    return database.inTransaction(em -> em.createQuery(
            "select count(p) from ParticipationRecord p where p.budgetId = :budget", Long.class)
        .setParameter("budget", budget.value())
        .getSingleResult());
  }

  /**
   * The ballots counted in a budget, in no meaningful order (for tallies and anonymised exports).
   *
   * @param budget the budget
   * @return the ballots
   */
  public List<Ballot> ballots(BudgetId budget) {
    return database.inTransaction(em -> em.createQuery(
            "select b.contents from BallotRecord b where b.budgetId = :budget", String.class)
        .setParameter("budget", budget.value())
        .getResultList()
        .stream()
        .map(BallotJson::parse)
        .toList());
  }

  /**
   * Checks a receipt code.
   *
   * @param receiptCode the code, as printed to the participant (case and dashes as given)
   * @return what the receipt proves, or empty when no counted ballot has this code (never issued,
   *     or replaced by a later ballot)
   */
  public Optional<ReceiptCheck> verify(String receiptCode) {
    String code = normalizeReceipt(receiptCode);
    return database.inTransaction(em -> em.createQuery(
            "select b from BallotRecord b where b.receiptCode = :code", BallotRecord.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst()
        .map(b -> new ReceiptCheck(b.receiptCode(), BudgetId.of(b.budgetId()),
            BallotJson.kind(BallotJson.parse(b.contents())), sha256(b.contents()))));
  }

  /**
   * The hex SHA-256 of a ballot's stored JSON.
   *
   * @param contents the JSON text
   * @return the digest
   */
  public static String sha256(String contents) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(contents.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK.", e);
    }
  }

  static String normalizeReceipt(String code) {
    return code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
  }

  static String newReceiptCode() {
    StringBuilder code = new StringBuilder(19);
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(RECEIPT_ALPHABET.charAt(RANDOM.nextInt(RECEIPT_ALPHABET.length())));
    }
    return code.toString();
  }

  private void fire(BallotCast event) {
    try {
      ballotCast.fire(event);
    } catch (RuntimeException e) {
      // The ballot is committed: an observer's failure must not make the participant think it
      // was lost.
      LOG.log(Level.WARNING, "An observer of BallotCast failed; the ballot is stored.", e);
    }
  }

  /** A lost race on a constraint or lock: the transaction can be retried. */
  static boolean isRace(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals("23505") || state.equals("40001") || state.equals("40P01")
            || state.equals("HYT00") || state.equals("55P03")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Where a ballot came from. */
  public enum Channel {
    /** Cast by the participant through the API. */
    ONLINE,
    /** Encoded by staff from a paper ballot. */
    PAPER
  }
}

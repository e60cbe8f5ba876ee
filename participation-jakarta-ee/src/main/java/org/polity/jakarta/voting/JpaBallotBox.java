package org.polity.jakarta.voting;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.identity.ParticipantKey;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.voting.BallotBox;
import org.polity.voting.BallotSlots;
import org.polity.voting.CastDecision;
import org.polity.voting.CastOutcome;
import org.polity.voting.CastPolicy;
import org.polity.voting.CastRequest;
import org.polity.voting.Channel;
import org.polity.voting.ChannelKind;
import org.polity.voting.CountedBallot;
import org.polity.voting.ExistingParticipation;
import org.polity.voting.ParticipationStatus;
import org.polity.voting.PendingEncodingId;
import org.polity.voting.ReceiptCheck;
import org.polity.voting.ReceiptCode;
import org.polity.voting.ReceiptHash;
import org.polity.voting.StaffId;
import org.polity.voting.Turnout;
import org.polity.voting.VoteChange;
import org.polity.voting.VoteSettings;

/**
 * The {@link BallotBox} contract on a database, through Jakarta Persistence. It passes core's
 * {@code BallotBoxContract} on H2 and on PostgreSQL. Whether a ballot is accepted is decided by
 * core's {@link CastPolicy}, on every path (the first-ballot path, the general path, a second
 * encoder's confirmation); this class only reads what the policy needs and carries its decision
 * out.
 *
 * <p><b>One person, one vote across nodes.</b> Every change runs in one transaction that first
 * locks the participant's row of {@code polity_participation} ({@code SELECT ... FOR UPDATE}). A
 * first ballot inserts that row; the unique constraint on {@code (budget_id, participant_key)}
 * makes a concurrent first ballot (on this node or another) fail, roll back and retry, now finding
 * (and waiting for) the row. So at most one ballot per participant and budget is ever counted,
 * whatever the number of application nodes sharing the database. Outcomes are returned (and {@link
 * BallotCast} fired) only after the transaction committed.
 *
 * <p><b>First ballots</b> (nearly every ballot) skip the read and the lock: the two inserts are
 * tried directly, and the unique constraint sends any participant who already has a row to the
 * general path above. On PostgreSQL the first ballots that arrive while a commit is under way are
 * written together, by at most four writer threads of this box, in one statement that is its own
 * transaction ({@code FirstBallotWriter}, group commit); each caller still gets its answer only
 * after that transaction committed. The writer threads are plain daemon threads that end when idle;
 * they use the data source only.
 *
 * <p><b>Unlinkability.</b> Ballots ({@code polity_ballot}) carry budget, slot handle, receipt hash
 * and contents only. The slot handle is {@link BallotSlots#slotOf} under a per-vote secret derived
 * from the configured {@code polity.ballot-slot.secret} and a random salt kept in {@code
 * polity_vote}; {@link #seal} erases the salt and re-keys every ballot under a random slot. Receipt
 * codes are never stored, only their hashes.
 */
public final class JpaBallotBox implements BallotBox {

  /** How often a transaction is retried after losing a race on a constraint or a lock. */
  static final int MAX_ATTEMPTS = 20;

  private static final Logger LOG = Logger.getLogger(JpaBallotBox.class.getName());
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final PolityDatabase database;
  private final byte[] slotPepper;
  private final Clock clock;
  private final SecureRandom random;
  private final Consumer<BallotCast> committed;

  /**
   * Declared votes, read at most every {@link #VOTE_CACHE_NANOS}: saves a query per request. A
   * vote's settings change rarely (a new declaration before the first ballot, a move of its close),
   * and this node forgets its copy at once when it makes the change; another node sharing the
   * database sees it within that delay. The slot salt is only erased by sealing, after which every
   * cast and confirmation is refused as closed before the salt would be used.
   */
  private final Map<BudgetId, CachedVote> votes = new ConcurrentHashMap<>();

  /** How long a node keeps a vote's settings before reading them again: two seconds. */
  static final long VOTE_CACHE_NANOS = 2_000_000_000L;

  private record CachedVote(VoteRecord vote, long readAt) {}

  private VoteRecord cachedVote(BudgetId budget) {
    CachedVote cached = votes.get(budget);
    if (cached == null || System.nanoTime() - cached.readAt() > VOTE_CACHE_NANOS) {
      return null;
    }
    return cached.vote();
  }

  /**
   * A ballot box on a database.
   *
   * @param database the migrated database
   * @param slotPepper {@code polity.ballot-slot.secret}: at least 32 bytes
   * @param clock where the current instant comes from
   * @param random a cryptographically strong source (receipts, slots, salts)
   * @param committed called with each ballot that entered the count, after the commit
   */
  public JpaBallotBox(
      PolityDatabase database,
      byte[] slotPepper,
      Clock clock,
      SecureRandom random,
      Consumer<BallotCast> committed) {
    this.database = Objects.requireNonNull(database, "database");
    if (slotPepper.length < 32) {
      throw new IllegalArgumentException(
          "The ballot-slot secret has " + slotPepper.length + " bytes: give at least 32.");
    }
    this.slotPepper = slotPepper.clone();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.committed = Objects.requireNonNull(committed, "committed");
  }

  @Override
  public void open(VoteSettings settings) {
    Objects.requireNonNull(settings, "settings");
    VoteSettings wanted = micros(settings);
    retrying(
        em -> {
          VoteRecord vote =
              em.find(VoteRecord.class, settings.budget().value(), LockModeType.PESSIMISTIC_WRITE);
          if (vote == null) {
            String salt = settings.changesAllowed() ? token(32) : null;
            // Stored to the microsecond, exactly (databases round finer instants their own way).
            em.persist(new VoteRecord(wanted, salt));
            em.flush();
            return null;
          }
          if (micros(vote.settings()).equals(wanted)) {
            return null;
          }
          long handedIn =
              em.createQuery(
                      "select count(p) from ParticipationRecord p where p.budgetId = :budget",
                      Long.class)
                  .setParameter("budget", settings.budget().value())
                  .getSingleResult();
          if (handedIn > 0 || vote.sealed()) {
            throw new IllegalStateException(
                "The vote on "
                    + settings.budget()
                    + " has ballots already ("
                    + handedIn
                    + "): its settings ("
                    + vote.settings()
                    + ") cannot change any more; close it early or extend it instead.");
          }
          vote.redeclare(wanted, settings.changesAllowed() ? token(32) : null);
          em.flush();
          return null;
        });
    forget(settings.budget());
  }

  @Override
  public VoteSettings reschedule(BudgetId budget, VoteChange change) {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(change, "change");
    VoteSettings rescheduled =
        retrying(
            em -> {
              VoteRecord vote =
                  em.find(VoteRecord.class, budget.value(), LockModeType.PESSIMISTIC_WRITE);
              if (vote == null) {
                throw noVote(budget);
              }
              VoteSettings current = vote.settings();
              Instant closes = change.closesAt().truncatedTo(ChronoUnit.MICROS);
              Instant desk = change.deskEncodingUntil().truncatedTo(ChronoUnit.MICROS);
              Optional<CastPolicy.Rescheduling> refused =
                  CastPolicy.rescheduling(
                      current, change.at().truncatedTo(ChronoUnit.MICROS), closes, desk);
              if (refused.isPresent()) {
                throw new IllegalStateException(
                    "The close of the vote on " + budget + " cannot move: " + refused.get() + ".");
              }
              vote.reschedule(closes, desk);
              long earlier =
                  em.createQuery(
                          "select count(c) from VoteChangeRecord c where c.budgetId = :budget",
                          Long.class)
                      .setParameter("budget", budget.value())
                      .getSingleResult();
              em.persist(
                  new VoteChangeRecord(
                      java.util.UUID.randomUUID().toString(),
                      budget.value(),
                      (int) earlier + 1,
                      new VoteChange(
                          closes,
                          desk,
                          change.reason(),
                          change.by(),
                          change.at().truncatedTo(ChronoUnit.MICROS),
                          current.closesAt())));
              em.flush();
              return vote.settings();
            });
    forget(budget);
    return rescheduled;
  }

  @Override
  public List<VoteChange> changes(BudgetId budget) {
    Objects.requireNonNull(budget, "budget");
    return database.inTransaction(
        em ->
            em.createQuery(
                    "select c from VoteChangeRecord c where c.budgetId = :budget"
                        + " order by c.position",
                    VoteChangeRecord.class)
                .setParameter("budget", budget.value())
                .getResultStream()
                .map(VoteChangeRecord::change)
                .toList());
  }

  /** Forgets this node's copy of a vote and its slots after a change of its settings. */
  private void forget(BudgetId budget) {
    votes.remove(budget);
    slotsByBudget.remove(budget);
  }

  /** The settings as the database keeps them: instants to the microsecond. */
  private static VoteSettings micros(VoteSettings settings) {
    return new VoteSettings(
        settings.budget(),
        settings.opensAt().truncatedTo(ChronoUnit.MICROS),
        settings.closesAt().truncatedTo(ChronoUnit.MICROS),
        settings.deskEncodingUntil().truncatedTo(ChronoUnit.MICROS),
        settings.changesAllowed(),
        settings.secondEncoderRequired(),
        settings.form());
  }

  @Override
  public Optional<VoteSettings> settings(BudgetId budget) {
    Objects.requireNonNull(budget, "budget");
    VoteRecord cached = cachedVote(budget);
    if (cached != null) {
      return Optional.of(cached.settings());
    }
    return database
        .inTransaction(em -> Optional.ofNullable(vote(em, budget, false)))
        .map(VoteRecord::settings);
  }

  @Override
  public CastOutcome cast(CastRequest request) {
    Objects.requireNonNull(request, "request");
    String contents = StoredBallots.write(request.ballot());
    String kind = BallotJson.kind(request.ballot());
    CastOutcome first = castFirstBallot(request, kind, contents);
    if (first != null) {
      announce(request.budget(), first);
      return first;
    }
    CastOutcome outcome =
        retrying(
            em -> {
              VoteRecord vote = vote(em, request.budget());
              ParticipationRecord participation =
                  participation(em, request.budget(), request.participant());
              CastDecision decision =
                  CastPolicy.decide(
                      vote.settings(), clock.instant(), request, existing(participation));
              if (decision instanceof CastDecision.Refuse refuse) {
                return refuse.refusal();
              }
              if (decision instanceof CastDecision.AwaitSecondEncoder) {
                Channel.Desk deskChannel = (Channel.Desk) request.channel();
                String pending = token(16);
                em.persist(
                    new PendingEncodingRecord(
                        pending,
                        request.budget().value(),
                        request.participant().toString(),
                        deskChannel.encoder().value(),
                        kind,
                        contents));
                if (participation == null) {
                  participation =
                      new ParticipationRecord(
                          UUID.randomUUID().toString(),
                          request.budget().value(),
                          request.participant().toString());
                  em.persist(participation);
                }
                participation.pending(pending);
                em.flush();
                return new CastOutcome.AwaitingSecondEncoder(new PendingEncodingId(pending));
              }
              String encoder =
                  request.channel() instanceof Channel.Desk deskChannel
                      ? deskChannel.encoder().value()
                      : null;
              Stored stored =
                  store(
                      em,
                      vote,
                      participation,
                      request.participant(),
                      kind,
                      contents,
                      request.channel().kind(),
                      encoder);
              return stored.replaced()
                  ? new CastOutcome.Replaced(stored.receipt())
                  : new CastOutcome.Accepted(stored.receipt());
            });
    announce(request.budget(), outcome);
    return outcome;
  }

  /**
   * The hot path: a participant's first ballot, which is nearly every ballot. Two plain inserts in
   * one transaction, no read before them: the participation row (whose unique constraint on budget
   * and participant key is what makes the ballot count once) and the ballot row. When the
   * participant already has a row (a replacement, a refusal, a pending paper encoding) or another
   * transaction inserts one at the same time, the insert fails on the constraint, the transaction
   * rolls back with nothing stored, and {@link #cast} takes the general path, which reads and locks
   * the row. Returns null for the general path.
   *
   * <p>On PostgreSQL the two inserts go through {@link FirstBallotWriter}: one statement for the
   * first ballots that arrive while a commit is under way (group commit), each ballot answered only
   * once that statement's transaction is durably committed.
   */
  private CastOutcome castFirstBallot(CastRequest request, String kind, String contents) {
    VoteRecord vote = cachedVote(request.budget());
    if (vote == null) {
      vote = database.inTransaction(em -> vote(em, request.budget()));
    }
    VoteSettings settings = vote.settings();
    // Decided as for a participant the register does not know; if the register does know them, the
    // insert fails on the constraint and the general path decides again with what it holds.
    if (!(CastPolicy.decide(settings, clock.instant(), request, ExistingParticipation.NONE)
        instanceof CastDecision.Store)) {
      return null;
    }
    String encoder =
        request.channel() instanceof Channel.Desk deskChannel
            ? deskChannel.encoder().value()
            : null;
    String budget = settings.budget().value();
    String slot =
        vote.slotSalt() != null
            ? slots(vote).slotOf(settings.budget(), request.participant())
            : BallotSlots.randomSlot(random);
    ReceiptCode receipt = ReceiptCode.random(random);
    try {
      if (isPostgreSql()) {
        FirstBallotWriter.Result written =
            writer()
                .write(
                    new FirstBallotWriter.Row(
                        uuid(),
                        budget,
                        request.participant().toString(),
                        request.channel().kind().name(),
                        encoder,
                        uuid(),
                        slot,
                        receipt.hash().hex(),
                        kind,
                        contents));
        if (written == FirstBallotWriter.Result.STORED) {
          return new CastOutcome.Accepted(receipt);
        }
        if (written == FirstBallotWriter.Result.PARTICIPANT_KNOWN) {
          return null;
        }
        // The group's statement failed: this ballot alone, so that no other ballot decides it.
        return castFirstBallotInOneStatement(
            request, budget, slot, receipt, kind, contents, encoder);
      }
      return database.inJdbcTransaction(
          connection -> {
            try (PreparedStatement participation =
                    connection.prepareStatement(INSERT_PARTICIPATION);
                PreparedStatement ballot = connection.prepareStatement(INSERT_BALLOT)) {
              participation.setString(1, uuid());
              participation.setString(2, budget);
              participation.setString(3, request.participant().toString());
              participation.setString(4, request.channel().kind().name());
              participation.setString(5, encoder);
              participation.executeUpdate();
              ballot.setString(1, uuid());
              ballot.setString(2, budget);
              ballot.setString(3, slot);
              ballot.setString(4, receipt.hash().hex());
              ballot.setString(5, kind);
              ballot.setString(6, contents);
              ballot.executeUpdate();
            }
            return new CastOutcome.Accepted(receipt);
          });
    } catch (SQLException e) {
      if (isRace(e)) {
        return null;
      }
      throw new PersistenceException("The ballot could not be stored: " + e.getMessage(), e);
    }
  }

  /**
   * A first ballot alone, when its group's statement ({@link FirstBallotWriter}) failed. On
   * PostgreSQL, a first ballot is one statement: both inserts in a data-modifying {@code WITH}, run
   * in auto-commit mode, so that the statement is its own transaction. One round trip instead of
   * four (BEGIN with the first insert, the second insert, COMMIT), and about a third of the
   * database's CPU per ballot (issue 5, docs/benchmarks.md). It is still atomic: a unique violation
   * of either insert fails the whole statement and stores nothing. The driver returns only after
   * the server's ReadyForQuery, which follows the durable commit of the implicit transaction, so
   * nothing is acknowledged before it is committed.
   */
  private CastOutcome castFirstBallotInOneStatement(
      CastRequest request,
      String budget,
      String slot,
      ReceiptCode receipt,
      String kind,
      String contents,
      String encoder)
      throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try (PreparedStatement insert = connection.prepareStatement(INSERT_FIRST_BALLOT)) {
        insert.setString(1, uuid());
        insert.setString(2, budget);
        insert.setString(3, request.participant().toString());
        insert.setString(4, request.channel().kind().name());
        insert.setString(5, encoder);
        insert.setString(6, uuid());
        insert.setString(7, budget);
        insert.setString(8, slot);
        insert.setString(9, receipt.hash().hex());
        insert.setString(10, kind);
        insert.setString(11, contents);
        insert.executeUpdate();
        if (!autoCommit) {
          // A pool configured without auto-commit: the statement opened a transaction.
          connection.commit();
        }
      } catch (SQLException | RuntimeException e) {
        if (!autoCommit) {
          try {
            connection.rollback();
          } catch (SQLException rollback) {
            e.addSuppressed(rollback);
          }
        }
        throw e;
      }
    }
    return new CastOutcome.Accepted(receipt);
  }

  /** Whether the database is PostgreSQL (data-modifying {@code WITH}); asked once. */
  private boolean isPostgreSql() throws SQLException {
    Boolean known = postgreSql;
    if (known == null) {
      try (Connection connection = database.dataSource().getConnection()) {
        known =
            connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("postgresql");
      }
      postgreSql = known;
    }
    return known;
  }

  private volatile Boolean postgreSql;

  /** Writer threads of first ballots: statements under way at once, each on its own connection. */
  static final int WRITERS = 4;

  private FirstBallotWriter writer() {
    FirstBallotWriter known = writer;
    if (known == null) {
      synchronized (this) {
        if (writer == null) {
          writer = new FirstBallotWriter(database.dataSource(), WRITERS);
        }
        known = writer;
      }
    }
    return known;
  }

  private volatile FirstBallotWriter writer;

  private static final String INSERT_FIRST_BALLOT =
      "WITH participation AS ("
          + "INSERT INTO polity_participation (id, budget_id, participant_key, channel, encoder, pending_id)"
          + " VALUES (?, ?, ?, ?, ?, NULL))"
          + " INSERT INTO polity_ballot (id, budget_id, slot, receipt_hash, kind, contents)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private static final String INSERT_PARTICIPATION =
      "INSERT INTO polity_participation"
          + " (id, budget_id, participant_key, channel, encoder, pending_id) VALUES (?, ?, ?, ?, ?, NULL)";
  private static final String INSERT_BALLOT =
      "INSERT INTO polity_ballot"
          + " (id, budget_id, slot, receipt_hash, kind, contents) VALUES (?, ?, ?, ?, ?, ?)";

  /** A random row id, drawn from this box's generator (as strong as {@link UUID#randomUUID}). */
  private String uuid() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    long most = 0;
    long least = 0;
    for (int i = 0; i < 8; i++) {
      most = (most << 8) | (bytes[i] & 0xff);
      least = (least << 8) | (bytes[i + 8] & 0xff);
    }
    return new UUID(most, least).toString();
  }

  @Override
  public CastOutcome confirm(
      PendingEncodingId pending, StaffId secondEncoder, Ballot secondEncoding) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(secondEncoder, "secondEncoder");
    Objects.requireNonNull(secondEncoding, "secondEncoding");
    BudgetId[] budget = new BudgetId[1];
    CastOutcome outcome =
        retrying(
            em -> {
              PendingEncodingRecord encoding =
                  em.find(
                      PendingEncodingRecord.class, pending.value(), LockModeType.PESSIMISTIC_WRITE);
              if (encoding == null) {
                return new CastOutcome.UnknownEncoding(pending);
              }
              budget[0] = BudgetId.of(encoding.budgetId());
              StaffId firstEncoder = StaffId.of(encoding.encoder());
              boolean sameReading =
                  !firstEncoder.equals(secondEncoder) && encoding.ballot().equals(secondEncoding);
              VoteRecord vote = vote(em, budget[0]);
              ParticipantKey participant = ParticipantKey.parse(encoding.participantKey());
              ParticipationRecord participation = participation(em, budget[0], participant);
              CastDecision decision =
                  CastPolicy.decideConfirmation(
                      vote.settings(),
                      clock.instant(),
                      pending,
                      firstEncoder,
                      secondEncoder,
                      sameReading,
                      existing(participation));
              if (decision instanceof CastDecision.Refuse refuse) {
                return refuse.refusal();
              }
              em.remove(encoding);
              participation.pending(null);
              if (decision instanceof CastDecision.Withdraw withdraw) {
                em.flush();
                return withdraw.refusal();
              }
              Stored stored =
                  store(
                      em,
                      vote,
                      participation,
                      participant,
                      BallotJson.kind(secondEncoding),
                      encoding.contents(),
                      ChannelKind.DESK,
                      encoding.encoder());
              return new CastOutcome.Confirmed(stored.receipt(), stored.replaced());
            });
    if (budget[0] != null) {
      announce(budget[0], outcome);
    }
    return outcome;
  }

  @Override
  public CastOutcome discard(PendingEncodingId pending, StaffId staff) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(staff, "staff");
    return retrying(
        em -> {
          PendingEncodingRecord encoding =
              em.find(PendingEncodingRecord.class, pending.value(), LockModeType.PESSIMISTIC_WRITE);
          if (encoding == null) {
            return new CastOutcome.UnknownEncoding(pending);
          }
          ParticipationRecord participation =
              participation(
                  em,
                  BudgetId.of(encoding.budgetId()),
                  ParticipantKey.parse(encoding.participantKey()));
          em.remove(encoding);
          if (participation.channel() == null) {
            em.remove(participation);
          } else {
            participation.pending(null);
          }
          em.flush();
          return new CastOutcome.Discarded(pending);
        });
  }

  @Override
  public ParticipationStatus status(BudgetId budget, ParticipantKey participant) {
    Objects.requireNonNull(participant, "participant");
    return database.inTransaction(
        em -> {
          vote(em, budget);
          List<ParticipationRecord> rows =
              em.createQuery(
                      "select p from ParticipationRecord p where p.budgetId = :budget"
                          + " and p.participantKey = :key",
                      ParticipationRecord.class)
                  .setParameter("budget", budget.value())
                  .setParameter("key", participant.toString())
                  .getResultList();
          if (rows.isEmpty()) {
            return new ParticipationStatus.NotVoted();
          }
          ParticipationRecord row = rows.get(0);
          if (row.pendingId() != null) {
            PendingEncodingRecord encoding = em.find(PendingEncodingRecord.class, row.pendingId());
            return new ParticipationStatus.AwaitingSecondEncoder(StaffId.of(encoding.encoder()));
          }
          return new ParticipationStatus.Voted(ChannelKind.valueOf(row.channel()));
        });
  }

  @Override
  public ReceiptCheck check(BudgetId budget, ReceiptCode receipt) {
    Objects.requireNonNull(receipt, "receipt");
    return database.inTransaction(
        em -> {
          vote(em, budget);
          return em.createQuery(
                  "select b from BallotRecord b where b.budgetId = :budget"
                      + " and b.receiptHash = :hash",
                  BallotRecord.class)
              .setParameter("budget", budget.value())
              .setParameter("hash", receipt.hash().hex())
              .getResultStream()
              .findFirst()
              .<ReceiptCheck>map(record -> new ReceiptCheck.Counted(record.ballot()))
              .orElseGet(ReceiptCheck.NotCounted::new);
        });
  }

  @Override
  public List<CountedBallot> countedBallots(BudgetId budget) {
    return database.inTransaction(
        em -> {
          vote(em, budget);
          return em.createQuery(
                  "select b from BallotRecord b where b.budgetId = :budget"
                      + " order by b.receiptHash",
                  BallotRecord.class)
              .setParameter("budget", budget.value())
              .getResultStream()
              .map(b -> new CountedBallot(new ReceiptHash(b.receiptHash()), b.ballot()))
              .toList();
        });
  }

  @Override
  public Turnout turnout(BudgetId budget) {
    return database.inTransaction(
        em -> {
          vote(em, budget);
          Map<ChannelKind, Long> counts = new EnumMap<>(ChannelKind.class);
          for (Object[] row :
              em.createQuery(
                      "select p.channel, count(p) from ParticipationRecord p"
                          + " where p.budgetId = :budget and p.channel is not null group by p.channel",
                      Object[].class)
                  .setParameter("budget", budget.value())
                  .getResultList()) {
            counts.put(ChannelKind.valueOf((String) row[0]), (Long) row[1]);
          }
          return new Turnout(counts);
        });
  }

  @Override
  public void seal(BudgetId budget) {
    retrying(
        em -> {
          VoteRecord vote =
              em.find(
                  VoteRecord.class,
                  Objects.requireNonNull(budget, "budget").value(),
                  LockModeType.PESSIMISTIC_WRITE);
          if (vote == null) {
            throw noVote(budget);
          }
          if (vote.sealed()) {
            return null;
          }
          if (!vote.settings().finishedAt(clock.instant())) {
            throw new IllegalStateException(
                "The vote on "
                    + budget
                    + " cannot be sealed before desk"
                    + " encoding ends at "
                    + vote.settings().deskEncodingUntil()
                    + ".");
          }
          long pending =
              em.createQuery(
                      "select count(e) from PendingEncodingRecord e"
                          + " where e.budgetId = :budget",
                      Long.class)
                  .setParameter("budget", budget.value())
                  .getSingleResult();
          if (pending > 0) {
            throw new IllegalStateException(
                "The vote on "
                    + budget
                    + " has "
                    + pending
                    + " paper"
                    + " encoding(s) waiting for a second encoder: confirm or discard them before sealing.");
          }
          rewriteShuffled(em, budget);
          // The rewrite cleared the persistence context: the vote row (still locked) is read again.
          em.find(VoteRecord.class, budget.value()).seal();
          em.flush();
          votes.remove(budget);
          slotsByBudget.remove(budget);
          return null;
        });
  }

  /**
   * Rewrites every ballot of a budget in a random order, with new row ids and new random slots, in
   * the sealing transaction: the ballots were inserted in the order of the casts, as were the
   * participation rows, so their physical order (H2's row ids, PostgreSQL's tuple positions) and
   * PostgreSQL's inserting transaction ids would match them row by row. Afterwards every ballot row
   * is a fresh row of this one transaction, at a position drawn at random, and nothing orders the
   * ballots with the participations (docs/integrity.md).
   */
  private void rewriteShuffled(EntityManager em, BudgetId budget) {
    List<BallotRecord> ballots =
        new ArrayList<>(
            em.createQuery(
                    "select b from BallotRecord b where b.budgetId = :budget", BallotRecord.class)
                .setParameter("budget", budget.value())
                .getResultList());
    em.createQuery("delete from BallotRecord b where b.budgetId = :budget")
        .setParameter("budget", budget.value())
        .executeUpdate();
    em.flush();
    em.clear();
    java.util.Collections.shuffle(ballots, random);
    int written = 0;
    for (BallotRecord ballot : ballots) {
      em.persist(ballot.rewritten(UUID.randomUUID().toString(), BallotSlots.randomSlot(random)));
      if (++written % 1_000 == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
  }

  private Stored store(
      EntityManager em,
      VoteRecord vote,
      ParticipationRecord participation,
      ParticipantKey participant,
      String kind,
      String contents,
      ChannelKind channel,
      String encoder) {
    String budget = vote.settings().budget().value();
    String slot =
        vote.slotSalt() != null
            ? slots(vote).slotOf(vote.settings().budget(), participant)
            : BallotSlots.randomSlot(random);
    ReceiptCode receipt = ReceiptCode.random(random);
    boolean replaced = false;
    if (vote.slotSalt() != null) {
      List<BallotRecord> previous =
          em.createQuery("select b from BallotRecord b where b.slot = :slot", BallotRecord.class)
              .setParameter("slot", slot)
              .getResultList();
      if (!previous.isEmpty()) {
        previous.get(0).replace(receipt.hash().hex(), kind, contents);
        replaced = true;
      }
    }
    if (!replaced) {
      em.persist(
          new BallotRecord(
              UUID.randomUUID().toString(), budget, slot, receipt.hash().hex(), kind, contents));
    }
    ParticipationRecord row = participation;
    if (row == null) {
      row = new ParticipationRecord(UUID.randomUUID().toString(), budget, participant.toString());
      em.persist(row);
    }
    row.voted(channel.name(), encoder);
    em.flush();
    return new Stored(receipt, replaced);
  }

  private BallotSlots slots(VoteRecord vote) {
    // The per-vote slot secret is derived once per salt (a Mac lookup and two hashes saved per
    // ballot); sealing erases the salt, so a sealed vote never finds its entry again.
    Map.Entry<String, BallotSlots> known = slotsByBudget.get(vote.settings().budget());
    if (known != null && known.getKey().equals(vote.slotSalt())) {
      return known.getValue();
    }
    BallotSlots slots = deriveSlots(vote);
    slotsByBudget.put(vote.settings().budget(), Map.entry(vote.slotSalt(), slots));
    return slots;
  }

  private final Map<BudgetId, Map.Entry<String, BallotSlots>> slotsByBudget =
      new ConcurrentHashMap<>();

  private BallotSlots deriveSlots(VoteRecord vote) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(slotPepper, "HmacSHA256"));
      byte[] secret =
          mac.doFinal(
              (vote.settings().budget().value() + "\u0000" + vote.slotSalt())
                  .getBytes(StandardCharsets.UTF_8));
      return BallotSlots.withSecret(secret);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK.", e);
    }
  }

  private static ParticipationRecord participation(
      EntityManager em, BudgetId budget, ParticipantKey participant) {
    List<ParticipationRecord> rows =
        em.createQuery(
                "select p from ParticipationRecord p where p.budgetId = :budget"
                    + " and p.participantKey = :key",
                ParticipationRecord.class)
            .setParameter("budget", budget.value())
            .setParameter("key", participant.toString())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  private VoteRecord vote(EntityManager em, BudgetId budget) {
    return vote(em, budget, true);
  }

  private VoteRecord vote(EntityManager em, BudgetId budget, boolean required) {
    Objects.requireNonNull(budget, "budget");
    VoteRecord cached = cachedVote(budget);
    if (cached != null) {
      return cached;
    }
    VoteRecord vote = em.find(VoteRecord.class, budget.value());
    if (vote == null) {
      if (required) {
        throw noVote(budget);
      }
      return null;
    }
    em.detach(vote);
    if (!vote.sealed()) {
      votes.put(budget, new CachedVote(vote, System.nanoTime()));
    }
    return vote;
  }

  private static IllegalArgumentException noVote(BudgetId budget) {
    return new IllegalArgumentException(
        "No vote is open on budget " + budget + ": call open(VoteSettings) first.");
  }

  /** What the register's row says, as {@link CastPolicy} reads it; the row is null when none. */
  private static ExistingParticipation existing(ParticipationRecord participation) {
    if (participation == null) {
      return ExistingParticipation.NONE;
    }
    return new ExistingParticipation(
        participation.channel() == null ? null : ChannelKind.valueOf(participation.channel()),
        participation.pendingId() != null);
  }

  private <T> T retrying(Function<EntityManager, T> work) {
    PersistenceException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return database.inTransaction(work);
      } catch (PersistenceException e) {
        if (!isRace(e)) {
          throw e;
        }
        last = e;
      }
    }
    throw new IllegalStateException(
        "The ballot box could not complete a change after "
            + MAX_ATTEMPTS
            + " attempts under contention.",
        last);
  }

  private void announce(BudgetId budget, CastOutcome outcome) {
    BallotCast event = null;
    if (outcome instanceof CastOutcome.Accepted accepted) {
      event = new BallotCast(budget, accepted.receipt().hash(), false);
    } else if (outcome instanceof CastOutcome.Replaced replaced) {
      event = new BallotCast(budget, replaced.receipt().hash(), true);
    } else if (outcome instanceof CastOutcome.Confirmed confirmed) {
      event = new BallotCast(budget, confirmed.receipt().hash(), confirmed.replacedPrevious());
    }
    if (event != null) {
      try {
        committed.accept(event);
      } catch (RuntimeException e) {
        // The ballot is committed: an observer's failure must not make the voter think it was lost.
        LOG.log(Level.WARNING, "An observer of BallotCast failed; the ballot is stored.", e);
      }
    }
  }

  private String token(int bytes) {
    byte[] token = new byte[bytes];
    random.nextBytes(token);
    return BASE64URL.encodeToString(token);
  }

  /**
   * A lost race on a unique constraint, a lock or serialisation: the transaction can be retried.
   */
  static boolean isRace(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.equals("23505")
            || state.equals("40001")
            || state.equals("40P01")
            || state.equals("HYT00")
            || state.equals("55P03")) {
          return true;
        }
      }
      if (t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.LockTimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private record Stored(ReceiptCode receipt, boolean replaced) {}
}

package org.polity.jakarta.cartography;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polity.cartography.Actor;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeId;
import org.polity.cartography.InitiativeRegistry;
import org.polity.common.LocalizedText;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.problem.LocalizedRefusalException;
import org.polity.jakarta.problem.ProblemException;
import org.polity.process.Outcome;
import org.polity.process.Refusal;

/**
 * The application service of the initiative registry: initiatives are stored in the database
 * (migration V3) and served from core's in-memory {@link InitiativeRegistry} and its spatial index.
 *
 * <h2>Writes</h2>
 *
 * Each change runs in one database transaction: it increments the map's change counter (which locks
 * the counter row, so map changes are serialised across nodes and commit in counter order), reads
 * the initiative's row, checks the version the caller read ({@code If-Match}), applies core's
 * transition ({@link Initiative#publish}, {@link Initiative#edit}, ...), and writes the new row and
 * history entries. A refusal or bad input throws before anything is written, so the transaction
 * rolls back and nothing changes. Only after the commit does the in-memory registry learn of it.
 *
 * <h2>Several nodes</h2>
 *
 * Every node keeps the change number it has applied. {@link #refresh()}, called before serving a
 * read, compares it with the counter (one primary-key read); when another node changed the map, it
 * reloads only the rows with a higher change number and puts them into the registry. A node thus
 * serves its own writes at once and other nodes' writes from its next read on.
 */
@ApplicationScoped
public class Initiatives {

  private static final Logger LOG = Logger.getLogger(Initiatives.class.getName());
  private static final Pattern NUMBERED = Pattern.compile("ini-(\\d{1,18})");

  @Inject PolityDatabase database;

  private final Clock clock = Clock.systemUTC();
  private final InitiativeRegistry registry = new InitiativeRegistry(clock);
  private final Map<InitiativeId, Long> versions = new ConcurrentHashMap<>();
  private final Object reloading = new Object();
  private volatile long applied = -1;

  /** Creates the service; CDI calls it. */
  public Initiatives() {}

  /**
   * An initiative with its row version (its ETag).
   *
   * @param initiative the initiative
   * @param version the version
   */
  public record Versioned(Initiative initiative, long version) {}

  /** Loads every initiative from the database. */
  @PostConstruct
  void load() {
    long started = System.nanoTime();
    refresh();
    LOG.info(
        "Map: "
            + versions.size()
            + " initiatives loaded ("
            + registry.publishedCount()
            + " published) in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms.");
  }

  /**
   * The registry, brought up to date with the database first.
   *
   * @return the registry (read it; change initiatives through this service)
   */
  public InitiativeRegistry registry() {
    refresh();
    return registry;
  }

  /** The registry as last refreshed (for a caller that has just called {@link #refresh()}). */
  InitiativeRegistry loaded() {
    return registry;
  }

  /**
   * Applies the changes that other nodes committed since the last call (one cheap read when none).
   */
  public void refresh() {
    try {
      long counter;
      try (Connection c = database.dataSource().getConnection();
          PreparedStatement select =
              c.prepareStatement("SELECT change_number FROM polity_map_state WHERE id = 1");
          ResultSet rows = select.executeQuery()) {
        rows.next();
        counter = rows.getLong(1);
      }
      if (counter <= applied) {
        return;
      }
      synchronized (reloading) {
        if (counter <= applied) {
          return;
        }
        long from = applied;
        long reached;
        try (Connection c = database.dataSource().getConnection()) {
          // one snapshot for the counter, the rows and their histories
          boolean autoCommit = c.getAutoCommit();
          int isolation = c.getTransactionIsolation();
          c.setAutoCommit(false);
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          try {
            reached = InitiativeStore.counter(c).changeNumber();
            for (InitiativeStore.Row row : InitiativeStore.changedAfter(c, from)) {
              registry.restore(row.initiative());
              versions.put(row.initiative().id(), row.version());
            }
            c.commit();
          } finally {
            c.rollback();
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
          }
        }
        applied = reached;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot read the initiatives from the database: " + e.getMessage(), e);
    }
  }

  /**
   * An initiative, whatever its status, with its version.
   *
   * @param id the initiative
   * @return it, or empty
   */
  public Optional<Versioned> get(InitiativeId id) {
    refresh();
    return registry.get(id).map(i -> new Versioned(i, versions.getOrDefault(id, 0L)));
  }

  /**
   * An organiser proposes an initiative.
   *
   * @param organiserAccount the organiser's account
   * @param details the details
   * @return the stored, pending initiative
   */
  public Versioned propose(String organiserAccount, InitiativeDetails details) {
    return write(
        c -> {
          InitiativeStore.Counter counter = InitiativeStore.count(c, true);
          Initiative initiative =
              Initiative.propose(
                  InitiativeId.of(String.format("ini-%08d", counter.lastInitiative())),
                  organiserAccount,
                  details,
                  clock.instant());
          InitiativeStore.insert(c, initiative, counter.changeNumber());
          return new Versioned(initiative, 1);
        });
  }

  /**
   * A moderator publishes a pending initiative or accepts its waiting edit.
   *
   * @param id the initiative
   * @param moderatorAccount the moderator
   * @param ifMatch the version the moderator read, or null to act on the current one
   * @return the stored initiative
   */
  public Versioned publish(InitiativeId id, String moderatorAccount, Long ifMatch) {
    return change(id, ifMatch, current -> current.publish(moderatorAccount, clock.instant()));
  }

  /**
   * A moderator rejects a pending initiative or its waiting edit.
   *
   * @param id the initiative
   * @param moderatorAccount the moderator
   * @param reason the public reason
   * @param ifMatch the version the moderator read, or null to act on the current one
   * @return the stored initiative
   */
  public Versioned reject(
      InitiativeId id, String moderatorAccount, LocalizedText reason, Long ifMatch) {
    return change(
        id, ifMatch, current -> current.reject(moderatorAccount, reason, clock.instant()));
  }

  /**
   * Edits an initiative (see {@link Initiative#edit} for what happens to its status).
   *
   * @param id the initiative
   * @param actor its organiser, or a moderator
   * @param details the new details
   * @param why the reason, kept in the history
   * @param ifMatch the version the editor read (required)
   * @return the stored initiative
   */
  public Versioned edit(
      InitiativeId id, Actor actor, InitiativeDetails details, String why, long ifMatch) {
    return change(id, ifMatch, current -> current.edit(actor, details, why, clock.instant()));
  }

  /**
   * Stores initiatives built elsewhere (an import, a benchmark's generated map) in one transaction.
   * Their identifiers must be new; numbered ones ({@code ini-<n>}) move the numbering past them.
   *
   * @param initiatives the initiatives
   */
  public void importAll(Collection<Initiative> initiatives) {
    write(
        c -> {
          InitiativeStore.Counter counter = InitiativeStore.count(c, false);
          InitiativeStore.insertAll(c, initiatives, counter.changeNumber());
          long highest = 0;
          for (Initiative initiative : initiatives) {
            Matcher numbered = NUMBERED.matcher(initiative.id().value());
            if (numbered.matches()) {
              highest = Math.max(highest, Long.parseLong(numbered.group(1)));
            }
          }
          InitiativeStore.reserve(c, highest);
          return null;
        });
  }

  private Versioned change(
      InitiativeId id, Long ifMatch, Function<Initiative, Outcome<Initiative>> transition) {
    return write(
        c -> {
          InitiativeStore.Counter counter = InitiativeStore.count(c, false);
          InitiativeStore.Row row =
              InitiativeStore.find(c, id)
                  .orElseThrow(() -> new NotFoundException("There is no initiative " + id + "."));
          if (ifMatch != null && row.version() != ifMatch) {
            throw ProblemException.of(
                "precondition-failed",
                412,
                "Initiative "
                    + id
                    + " changed since you read"
                    + " it (version "
                    + ifMatch
                    + ", now "
                    + row.version()
                    + "): read it again, then decide.");
          }
          Outcome<Initiative> outcome = transition.apply(row.initiative());
          if (outcome.refusal().isPresent()) {
            Refusal refusal = outcome.refusal().get();
            throw new LocalizedRefusalException(
                refusal.code().replace('.', '-'), 409, refusal.message());
          }
          Initiative after = outcome.orElseThrow();
          if (!InitiativeStore.update(
              c, row.initiative(), after, row.version(), counter.changeNumber())) {
            throw ProblemException.of(
                "precondition-failed",
                412,
                "Initiative " + id + " changed meanwhile:" + " read it again, then decide.");
          }
          return new Versioned(after, row.version() + 1);
        });
  }

  private <T> T write(PolityDatabase.JdbcWork<T> work) {
    T result;
    try {
      result = database.inJdbcTransaction(work);
    } catch (SQLException e) {
      throw new IllegalStateException("The map change was not stored: " + e.getMessage(), e);
    }
    refresh();
    return result;
  }
}

package org.polity.jakarta.cartography;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
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
import org.polity.cartography.InitiativeQuery;
import org.polity.cartography.InitiativeRegistry;
import org.polity.cartography.Nearby;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;
import org.polity.geo.GeoPoint;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.problem.RefusedException;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
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
 *
 * <h2>Use cases</h2>
 *
 * The methods taking a {@link Caller} are the use cases of REST resources, portal pages and a host
 * portal: they check the caller's permission (participants propose, organisers and moderators edit,
 * moderators moderate; pending and rejected initiatives are seen by their organiser and by
 * moderators only) and return a {@link Result}: refused with 404 {@code not-found}, 403 {@code
 * forbidden}, 412 {@code precondition-failed} for a stale version, or 409 with core's refusal code
 * (dots turned to dashes, such as {@code initiative-not-pending}). The methods taking an account
 * name are for trusted code that checked the permission itself (an import, a test fixture).
 */
@ApplicationScoped
public class Initiatives {

  private static final Logger LOG = Logger.getLogger(Initiatives.class.getName());
  private static final Pattern NUMBERED = Pattern.compile("ini-(\\d{1,18})");

  @Inject PolityDatabase database;
  @Inject MapLayers map;

  private static final Texts TEXTS = Texts.of(Initiatives.class);

  @Inject Clock clock;

  private InitiativeRegistry registry;
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
    registry = new InitiativeRegistry(clock);
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
   * What an items request asks: the filters of every collection, and those of the initiatives
   * collection ({@code kind}, {@code theme}, {@code scale}, {@code within}: codes, comma-separated,
   * checked against the vocabularies; ignored by other collections).
   *
   * @param bbox the box, or null (across the antimeridian when its west edge is east of its east
   *     edge)
   * @param from the first day, or null
   * @param to the last day, or null
   * @param offset how many features to skip
   * @param limit how many to return
   * @param kind kind codes, or null
   * @param theme theme codes, or null
   * @param scale scale codes, or null
   * @param within a district id, or null
   */
  public record ItemsQuery(
      org.polity.geo.BoundingBox bbox,
      java.time.LocalDate from,
      java.time.LocalDate to,
      int offset,
      int limit,
      String kind,
      String theme,
      String scale,
      String within) {}

  /**
   * A page of a collection's features.
   *
   * @param page the features and how many matched
   * @param timeStamp when the page was read
   */
  public record Items(org.polity.cartography.FeaturePage page, java.time.Instant timeStamp) {}

  /**
   * The map's collections: initiatives, projects of open editions, districts, and layers added by
   * the host.
   *
   * @return the collections
   */
  public List<org.polity.cartography.MapLayer> collections() {
    return map.layers();
  }

  /**
   * One collection.
   *
   * @param id its id
   * @return the collection; refused with 404 when there is none
   */
  public Result<org.polity.cartography.MapLayer> collection(String id) {
    return map.layer(id)
        .<Result<org.polity.cartography.MapLayer>>map(Result::ok)
        .orElseGet(
            () ->
                Result.refused(
                    org.polity.jakarta.problem.Refusal.notFound(
                        TEXTS.text("map.no-collection", id))));
  }

  /**
   * A page of a collection's features. The initiatives collection is served from the registry
   * (refreshed by {@link #collection}), with its extra filters.
   *
   * @param layer the collection
   * @param query what is asked
   * @return the page
   * @throws org.polity.jakarta.problem.InvalidInputException 400 for an unknown code or district
   */
  public Items items(org.polity.cartography.MapLayer layer, ItemsQuery query) {
    org.polity.cartography.FeaturePage page;
    if (layer.id().equals(org.polity.cartography.InitiativeLayer.ID)) {
      InitiativeQuery filters =
          InitiativeFilters.query(
              query.bbox(),
              query.from(),
              query.to(),
              query.kind(),
              query.theme(),
              query.scale(),
              query.within(),
              map);
      org.polity.cartography.InitiativePage found =
          loaded().find(filters, query.offset(), query.limit());
      page =
          new org.polity.cartography.FeaturePage(
              found.items().stream().map(org.polity.cartography.InitiativeLayer::feature).toList(),
              found.numberMatched());
    } else {
      page =
          layer.features(
              new org.polity.cartography.LayerQuery(
                  query.bbox(), query.from(), query.to(), query.offset(), query.limit()));
    }
    return new Items(page, clock.instant());
  }

  /**
   * One feature of a collection.
   *
   * @param layer the collection
   * @param featureId the feature
   * @return the feature; refused with 404 when the collection has no such feature
   */
  public Result<org.polity.geo.GeoJsonFeature> feature(
      org.polity.cartography.MapLayer layer, String featureId) {
    return layer
        .feature(featureId)
        .<Result<org.polity.geo.GeoJsonFeature>>map(Result::ok)
        .orElseGet(
            () ->
                Result.refused(
                    org.polity.jakarta.problem.Refusal.notFound(
                        TEXTS.text("map.no-feature", layer.id(), featureId))));
  }

  /**
   * What a caller sees of an initiative: the initiative with its version, and whether the caller is
   * privileged for it (its organiser or a moderator: sees the waiting edit and the accounts in the
   * history).
   *
   * @param stored the initiative and its version
   * @param privileged whether the caller is its organiser or a moderator
   */
  public record Seen(Versioned stored, boolean privileged) {}

  /**
   * An initiative as this caller may see it: a published one is public; one that is pending or
   * rejected only to its organiser and to moderators.
   *
   * @param id the initiative
   * @param caller who asks
   * @return what the caller sees; refused with 404 when there is no such initiative or the caller
   *     may not see it
   */
  public Result<Seen> visible(InitiativeId id, Caller caller) {
    Optional<Versioned> stored = get(id);
    if (stored.isEmpty()
        || !stored.get().initiative().isPublished()
            && !privileged(caller, stored.get().initiative())) {
      return Result.refused(
          org.polity.jakarta.problem.Refusal.notFound(
              TEXTS.text("initiative.not-public", id.value())));
    }
    return Result.ok(new Seen(stored.get(), privileged(caller, stored.get().initiative())));
  }

  /**
   * The initiatives waiting for moderation (pending ones and published ones with a waiting edit),
   * oldest change first, for a moderator.
   *
   * @param caller who asks
   * @return the initiatives; refused with 403 for anyone but a moderator
   */
  public Result<List<Initiative>> pending(Caller caller) {
    if (!caller.hasAny(PolityRole.MODERATOR)) {
      return forbidden("initiative.moderators-only");
    }
    return Result.ok(List.copyOf(registry().pending()));
  }

  /**
   * The published initiatives nearest to a point, closest first.
   *
   * @param origin the point
   * @param count how many, at most
   * @param query the filters
   * @return the initiatives with their distance
   */
  public List<Nearby> nearest(GeoPoint origin, int count, InitiativeQuery query) {
    return registry().nearest(origin, count, query);
  }

  /**
   * A participant proposes an initiative; it waits for moderation.
   *
   * @param caller the participant, who becomes its organiser
   * @param details the details
   * @return the stored, pending initiative; refused with 403 for anyone but a signed-in participant
   */
  public Result<Versioned> propose(Caller caller, InitiativeDetails details) {
    if (!caller.hasAny(PolityRole.PARTICIPANT) || caller.name().isEmpty()) {
      return forbidden("initiative.participants-only");
    }
    return Result.ok(propose(caller.name().get(), details));
  }

  /**
   * An organiser proposes an initiative, for trusted code ({@link #propose(Caller,
   * InitiativeDetails)} checks the caller).
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
   * @param caller the moderator
   * @param ifMatch the version the moderator read, or null to act on the current one
   * @return the stored initiative; refused with 403 for anyone but a moderator, 404, 409 when
   *     nothing waits for moderation, 412 when stale
   */
  public Result<Versioned> publish(InitiativeId id, Caller caller, Long ifMatch) {
    if (!caller.hasAny(PolityRole.MODERATOR) || caller.name().isEmpty()) {
      return forbidden("initiative.moderators-only");
    }
    return publish(id, caller.name().get(), ifMatch);
  }

  /**
   * A moderator publishes a pending initiative or accepts its waiting edit, for trusted code.
   *
   * @param id the initiative
   * @param moderatorAccount the moderator
   * @param ifMatch the version the moderator read, or null to act on the current one
   * @return the stored initiative, or the refusal
   */
  public Result<Versioned> publish(InitiativeId id, String moderatorAccount, Long ifMatch) {
    return change(id, ifMatch, current -> current.publish(moderatorAccount, clock.instant()));
  }

  /**
   * A moderator rejects a pending initiative or its waiting edit, with a public reason.
   *
   * @param id the initiative
   * @param caller the moderator
   * @param reason the public reason
   * @param ifMatch the version the moderator read, or null to act on the current one
   * @return the stored initiative; refused as {@link #publish(InitiativeId, Caller, Long)}
   */
  public Result<Versioned> reject(
      InitiativeId id, Caller caller, LocalizedText reason, Long ifMatch) {
    if (!caller.hasAny(PolityRole.MODERATOR) || caller.name().isEmpty()) {
      return forbidden("initiative.moderators-only");
    }
    return reject(id, caller.name().get(), reason, ifMatch);
  }

  /**
   * A moderator rejects a pending initiative or its waiting edit, for trusted code.
   *
   * @param id the initiative
   * @param moderatorAccount the moderator
   * @param reason the public reason
   * @param ifMatch the version the moderator read, or null to act on the current one
   * @return the stored initiative, or the refusal
   */
  public Result<Versioned> reject(
      InitiativeId id, String moderatorAccount, LocalizedText reason, Long ifMatch) {
    return change(
        id, ifMatch, current -> current.reject(moderatorAccount, reason, clock.instant()));
  }

  /**
   * Edits an initiative (see {@link Initiative#edit} for what happens to its status): a moderator
   * edits any, applied at once; a participant edits their own (core refuses another's).
   *
   * @param id the initiative
   * @param caller its organiser, or a moderator
   * @param details the new details
   * @param why the reason, kept in the history
   * @param ifMatch the version the editor read (required)
   * @return the stored initiative; refused with 403 for anyone but a participant or moderator, 404,
   *     409 when not theirs or nothing changed, 412 when stale
   */
  public Result<Versioned> edit(
      InitiativeId id, Caller caller, InitiativeDetails details, String why, long ifMatch) {
    if (!caller.hasAny(PolityRole.PARTICIPANT, PolityRole.MODERATOR) || caller.name().isEmpty()) {
      return forbidden("initiative.participants-only");
    }
    String account = caller.name().get();
    Actor actor =
        caller.hasAny(PolityRole.MODERATOR) ? Actor.moderator(account) : Actor.organiser(account);
    return edit(id, actor, details, why, ifMatch);
  }

  /**
   * Edits an initiative, for trusted code.
   *
   * @param id the initiative
   * @param actor its organiser, or a moderator
   * @param details the new details
   * @param why the reason, kept in the history
   * @param ifMatch the version the editor read (required)
   * @return the stored initiative, or the refusal
   */
  public Result<Versioned> edit(
      InitiativeId id, Actor actor, InitiativeDetails details, String why, long ifMatch) {
    return change(id, ifMatch, current -> current.edit(actor, details, why, clock.instant()));
  }

  private static boolean privileged(Caller caller, Initiative initiative) {
    return caller.hasAny(PolityRole.MODERATOR)
        || caller.name().filter(name -> name.equals(initiative.proposedBy())).isPresent();
  }

  private static <T> Result<T> forbidden(String key) {
    return Result.refused(
        org.polity.jakarta.problem.Refusal.of(
            org.polity.jakarta.problem.Refusal.Kind.FORBIDDEN, "forbidden", TEXTS.text(key)));
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

  private Result<Versioned> change(
      InitiativeId id, Long ifMatch, Function<Initiative, Outcome<Initiative>> transition) {
    try {
      return Result.ok(write(c -> changeIn(c, id, ifMatch, transition)));
    } catch (RefusedException refused) {
      return Result.refused(refused.refusal());
    }
  }

  /** One change in the transaction; a refusal is thrown so that nothing is written. */
  private static Versioned changeIn(
      Connection c,
      InitiativeId id,
      Long ifMatch,
      Function<Initiative, Outcome<Initiative>> transition)
      throws SQLException {
    InitiativeStore.Counter counter = InitiativeStore.count(c, false);
    InitiativeStore.Row row =
        InitiativeStore.find(c, id)
            .orElseThrow(
                () ->
                    org.polity.jakarta.problem.Refusal.notFound(
                            TEXTS.text("initiative.not-found", id.value()))
                        .toException());
    if (ifMatch != null && row.version() != ifMatch) {
      throw stale(
          TEXTS.text(
              "initiative.stale",
              id.value(),
              String.valueOf(ifMatch),
              String.valueOf(row.version())));
    }
    Outcome<Initiative> outcome = transition.apply(row.initiative());
    if (outcome.refusal().isPresent()) {
      Refusal refusal = outcome.refusal().get();
      throw org.polity.jakarta.problem.Refusal.of(
              org.polity.jakarta.problem.Refusal.Kind.CONFLICT,
              refusal.code().replace('.', '-'),
              refusal.message())
          .toException();
    }
    Initiative after = outcome.orElseThrow();
    if (!InitiativeStore.update(
        c, row.initiative(), after, row.version(), counter.changeNumber())) {
      throw stale(TEXTS.text("initiative.changed-meanwhile", id.value()));
    }
    return new Versioned(after, row.version() + 1);
  }

  private static RefusedException stale(LocalizedText detail) {
    return org.polity.jakarta.problem.Refusal.of(
            org.polity.jakarta.problem.Refusal.Kind.STALE, "precondition-failed", detail)
        .toException();
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

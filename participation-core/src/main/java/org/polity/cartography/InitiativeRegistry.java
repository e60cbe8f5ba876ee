package org.polity.cartography;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.polity.common.LocalizedText;
import org.polity.geo.BoundingBox;
import org.polity.geo.GeoPoint;
import org.polity.process.Outcome;
import org.polity.process.Refusal;

/**
 * The registry of participatory initiatives: organisers propose, moderators publish or reject, both
 * edit, and everyone queries the published map.
 *
 * <h2>Moderation</h2>
 *
 * A proposal is {@link Moderation.Pending}; a moderator {@link #publish publishes} it (it appears
 * on the map) or {@link #reject rejects} it with a public reason. An organiser's {@link #edit edit}
 * of a published initiative waits for moderation while the map keeps the published details; of a
 * pending or rejected one, it resubmits it. A moderator's edit keeps its status (the rules are
 * {@link Initiative}'s transitions). Every change is a {@link Revision} in the initiative's history
 * (who, when, what, why). Expected refusals (unknown id, not pending, not the organiser's, nothing
 * changed) are {@link Outcome.Refused} values with fr/nl/en messages and change nothing;
 * programming errors (null or blank arguments) throw {@link IllegalArgumentException} or {@link
 * NullPointerException}.
 *
 * <h2>Spatial index</h2>
 *
 * Published initiatives are kept in a JTS {@link Quadtree} keyed by the envelope of their map
 * geometry (point, else area). A quadtree takes inserts and removals one at a time, so a
 * publication, edit or withdrawal updates the index in O(log n) without a rebuild (an STRtree would
 * have to be rebuilt whole after each change). A read-write lock lets queries run in parallel.
 *
 * <pre>{@code
 * InitiativeRegistry registry = new InitiativeRegistry(Clock.systemUTC());
 * Initiative proposed = registry.propose("org-42", details);
 * registry.publish(proposed.id(), "staff-1").orElseThrow();
 * InitiativePage page = registry.find(InitiativeQuery.builder().bbox(4.3, 50.8, 4.4, 50.9).build(), 0, 100);
 * }</pre>
 */
public final class InitiativeRegistry {

  private static final double METRES_PER_DEGREE = 111_320.0;
  private static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private final Clock clock;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<InitiativeId, Initiative> all = new HashMap<>();
  private final TreeMap<InitiativeId, Initiative> published = new TreeMap<>();
  private final Quadtree index = new Quadtree();
  private final GeometryFactory factory = new GeometryFactory();
  private long sequence;

  /** The published initiatives in id order, for paging the whole map; null after a change. */
  private volatile List<Initiative> ordered;

  /**
   * An empty registry.
   *
   * @param clock the clock that dates history entries
   */
  public InitiativeRegistry(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * An organiser proposes an initiative; it waits for moderation.
   *
   * @param organiserAccount the organiser's account (who may edit it later)
   * @param details the details
   * @return the pending initiative, with a new identifier
   */
  public Initiative propose(String organiserAccount, InitiativeDetails details) {
    Actor.organiser(organiserAccount);
    Objects.requireNonNull(
        details, "The details are missing: build them with InitiativeDetails.builder().");
    lock.writeLock().lock();
    try {
      InitiativeId id;
      do {
        id = InitiativeId.of(String.format("ini-%08d", ++sequence));
      } while (all.containsKey(id));
      Initiative initiative = Initiative.propose(id, organiserAccount, details, now());
      all.put(id, initiative);
      return initiative;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * A moderator publishes a pending initiative, or accepts the waiting edit of a published one
   * ({@link Initiative#publish}).
   *
   * @param id the initiative
   * @param moderatorAccount the moderator's account
   * @return the published initiative, or refused ({@code initiative.not-found}, {@code
   *     initiative.not-pending})
   */
  public Outcome<Initiative> publish(InitiativeId id, String moderatorAccount) {
    Actor.moderator(moderatorAccount);
    Objects.requireNonNull(id, "id");
    return change(id, current -> current.publish(moderatorAccount, now()));
  }

  /**
   * A moderator rejects a pending initiative, or the waiting edit of a published one ({@link
   * Initiative#reject}), with a reason shown to its organiser.
   *
   * @param id the initiative
   * @param moderatorAccount the moderator's account
   * @param reason the reason, in one or more languages
   * @return the initiative after the decision, or refused ({@code initiative.not-found}, {@code
   *     initiative.not-pending})
   */
  public Outcome<Initiative> reject(
      InitiativeId id, String moderatorAccount, LocalizedText reason) {
    Actor.moderator(moderatorAccount);
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(
        reason,
        "The reason is missing: a rejection needs a reason for the organiser,"
            + " e.g. LocalizedText.of(\"fr\", \"...\").");
    return change(id, current -> current.reject(moderatorAccount, reason, now()));
  }

  /**
   * Edits an initiative's details ({@link Initiative#edit}): its organiser may edit it (a pending
   * or rejected one is resubmitted; on a published one the edit waits for moderation while the map
   * keeps the published details); a moderator may edit any (applied at once, its status stays).
   *
   * @param id the initiative
   * @param actor who edits
   * @param details the new details
   * @param why why (kept in the history); not blank
   * @return the edited initiative, or refused ({@code initiative.not-found}, {@code
   *     initiative.not-yours}, {@code initiative.no-change})
   */
  public Outcome<Initiative> edit(
      InitiativeId id, Actor actor, InitiativeDetails details, String why) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(details, "details");
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException(
          "The reason for the edit is blank: say why it changes (it is kept in the history).");
    }
    return change(id, current -> current.edit(actor, details, why, now()));
  }

  /**
   * Puts a stored initiative into the registry, replacing any with the same id and updating the
   * spatial index: how an adapter that keeps initiatives in a database loads them at start, and
   * applies each change after its transaction committed.
   *
   * @param initiative the initiative as stored
   */
  public void restore(Initiative initiative) {
    Objects.requireNonNull(initiative, "initiative");
    lock.writeLock().lock();
    try {
      Initiative before = all.get(initiative.id());
      if (before == null) {
        all.put(initiative.id(), initiative);
        if (initiative.isPublished()) {
          ordered = null;
          published.put(initiative.id(), initiative);
          index.insert(indexEnvelope(initiative), initiative);
        }
      } else {
        replace(before, initiative);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Outcome<Initiative> change(
      InitiativeId id, java.util.function.Function<Initiative, Outcome<Initiative>> transition) {
    lock.writeLock().lock();
    try {
      Initiative current = all.get(id);
      if (current == null) {
        return notFound(id);
      }
      Outcome<Initiative> outcome = transition.apply(current);
      if (outcome instanceof Outcome.Done<Initiative> done) {
        replace(current, done.value());
      }
      return outcome;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * An initiative by id, whatever its status.
   *
   * @param id the id
   * @return the initiative, or empty
   */
  public Optional<Initiative> get(InitiativeId id) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(all.get(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * A published initiative by id (what the public map may show).
   *
   * @param id the id
   * @return the initiative, or empty when unknown or not published
   */
  public Optional<Initiative> published(InitiativeId id) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(published.get(id));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The initiatives waiting for moderation (pending ones, and published ones with a waiting edit),
   * oldest change first.
   *
   * @return the pending initiatives
   */
  public List<Initiative> pending() {
    lock.readLock().lock();
    try {
      return all.values().stream()
          .filter(Initiative::awaitsModeration)
          .sorted(Comparator.comparing(Initiative::updatedAt).thenComparing(Initiative::id))
          .toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * @return how many initiatives are published
   */
  public int publishedCount() {
    lock.readLock().lock();
    try {
      return published.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The bounding box of every published initiative's map geometry.
   *
   * @return the envelope (null envelope when nothing is published)
   */
  public Envelope extent() {
    lock.readLock().lock();
    try {
      Envelope extent = new Envelope();
      for (Initiative initiative : published.values()) {
        extent.expandToInclude(initiative.details().place().locator().getEnvelopeInternal());
      }
      return extent;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Published initiatives matching a query, one page, in identifier order.
   *
   * @param query the criteria
   * @param offset how many matches to skip (0 or more)
   * @param limit the most to return (1 or more)
   * @return the page and the number matched
   */
  public InitiativePage find(InitiativeQuery query, int offset, int limit) {
    Objects.requireNonNull(query, "query");
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException(
          "offset " + offset + " and limit " + limit + ": give offset >= 0 and limit >= 1.");
    }
    lock.readLock().lock();
    try {
      if (query.equals(InitiativeQuery.all())) {
        // no criterion: the count is known, and the page is read in id order without a full scan
        List<Initiative> ordered = ordered();
        int from = Math.min(offset, ordered.size());
        int to = (int) Math.min((long) from + limit, ordered.size());
        return new InitiativePage(ordered.subList(from, to), ordered.size(), offset);
      }
      if (!query.isSpatial()) {
        List<Initiative> items = new ArrayList<>(Math.min(limit, 1024));
        int matched = 0;
        for (Initiative initiative : published.values()) {
          if (query.matchesDetails(initiative.details())) {
            if (matched >= offset && items.size() < limit) {
              items.add(initiative);
            }
            matched++;
          }
        }
        return new InitiativePage(items, matched, offset);
      }
      List<Initiative> matches = spatialMatches(query);
      matches.sort(Comparator.comparing(Initiative::id));
      int from = Math.min(offset, matches.size());
      int to = (int) Math.min((long) from + limit, matches.size());
      return new InitiativePage(matches.subList(from, to), matches.size(), offset);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Every published initiative matching a query, in identifier order.
   *
   * @param query the criteria
   * @return the initiatives
   */
  public List<Initiative> findAll(InitiativeQuery query) {
    return find(query, 0, Integer.MAX_VALUE).items();
  }

  /**
   * The published initiatives nearest to a point, closest first (ties by id), among those matching
   * a query's other criteria.
   *
   * @param point where
   * @param count how many (1 or more)
   * @param query further criteria ({@link InitiativeQuery#all()} for none)
   * @return up to {@code count} initiatives with their distance in metres
   */
  public List<Nearby> nearest(GeoPoint point, int count, InitiativeQuery query) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(query, "query");
    if (count < 1) {
      throw new IllegalArgumentException("count " + count + ": ask for at least one initiative.");
    }
    lock.readLock().lock();
    try {
      double halfSide = 0.01;
      while (true) {
        List<Nearby> found = near(point, halfSide, query);
        boolean wholeWorld = halfSide >= 360;
        if (found.size() >= count || wholeWorld) {
          if (found.isEmpty()) {
            return List.of();
          }
          double kth = found.get(Math.min(count, found.size()) - 1).metres();
          double needed = degreesFor(kth, point.latitude());
          if (needed > halfSide && !wholeWorld) {
            found = near(point, Math.min(needed, 360), query);
          }
          return List.copyOf(found.subList(0, Math.min(count, found.size())));
        }
        halfSide *= 4;
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<Nearby> near(GeoPoint point, double halfSide, InitiativeQuery query) {
    Envelope box =
        new Envelope(
            point.longitude() - halfSide,
            point.longitude() + halfSide,
            point.latitude() - halfSide,
            point.latitude() + halfSide);
    List<Initiative> candidates =
        spatialMatches(
            new InitiativeQuery(
                (BoundingBox) null,
                query.within(),
                query.kinds(),
                query.themes(),
                query.scales(),
                query.from(),
                query.to()),
            box);
    Geometry origin = point.toJts(factory);
    List<Nearby> result = new ArrayList<>();
    for (Initiative initiative : candidates) {
      Coordinate[] nearest =
          DistanceOp.nearestPoints(initiative.details().place().locator(), origin);
      result.add(new Nearby(initiative, haversine(nearest[0], nearest[1])));
    }
    result.sort(Comparator.comparingDouble(Nearby::metres).thenComparing(n -> n.initiative().id()));
    return result;
  }

  private List<Initiative> spatialMatches(InitiativeQuery query) {
    if (query.box() == null) {
      return spatialMatches(query, query.within().getEnvelopeInternal());
    }
    List<Envelope> parts = query.box().envelopes();
    if (parts.size() == 1) {
      return spatialMatches(query, parts.get(0));
    }
    // A box across the antimeridian is two envelopes: the matches of either, each once (an area
    // can reach both sides).
    Map<InitiativeId, Initiative> found = new java.util.LinkedHashMap<>();
    for (Envelope part : parts) {
      for (Initiative initiative : spatialMatches(query, part)) {
        found.putIfAbsent(initiative.id(), initiative);
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * The matches found in one search envelope: with a box, one of the box's envelopes (which the
   * item must meet); without one, the envelope of the district or of a nearby search.
   */
  @SuppressWarnings("unchecked")
  private List<Initiative> spatialMatches(InitiativeQuery query, Envelope search) {
    // An item must meet the box and the district, which need not meet each other (a large area
    // can reach both), so the search envelope is not narrowed to their intersection.
    Envelope box = query.box() == null ? null : search;
    PreparedGeometry boxGeometry =
        box == null ? null : PreparedGeometryFactory.prepare(factory.toGeometry(box));
    PreparedGeometry district =
        query.within() == null ? null : PreparedGeometryFactory.prepare(query.within());
    List<Initiative> result = new ArrayList<>();
    for (Initiative initiative : (List<Initiative>) index.query(search)) {
      Geometry locator = initiative.details().place().locator();
      Envelope envelope = locator.getEnvelopeInternal();
      if (!search.intersects(envelope)) {
        continue; // a quadtree returns candidates from overlapping cells
      }
      if (box != null && !box.covers(envelope) && !boxGeometry.intersects(locator)) {
        continue;
      }
      if (district != null && !district.intersects(locator)) {
        continue;
      }
      if (query.matchesDetails(initiative.details())) {
        result.add(initiative);
      }
    }
    return result;
  }

  /** Called under the read or write lock: no change can run meanwhile. */
  private List<Initiative> ordered() {
    List<Initiative> result = ordered;
    if (result == null) {
      synchronized (published) {
        result = ordered;
        if (result == null) {
          result = List.copyOf(published.values());
          ordered = result;
        }
      }
    }
    return result;
  }

  private Initiative replace(Initiative before, Initiative after) {
    all.put(after.id(), after);
    if (before.isPublished() || after.isPublished()) {
      ordered = null;
    }
    if (before.isPublished()) {
      published.remove(before.id());
      index.remove(indexEnvelope(before), before);
    }
    if (after.isPublished()) {
      published.put(after.id(), after);
      index.insert(indexEnvelope(after), after);
    }
    return after;
  }

  /**
   * The envelope an initiative is indexed under: its map geometry's, widened by a hair. JTS's
   * quadtree widens zero-size envelopes (points) to its smallest non-zero item extent, which is 1
   * degree until a wider-than-zero item arrives; widening every envelope by 1e-7 degrees (about 1
   * cm) keeps points in small cells. Queries then check the exact geometry.
   */
  private static Envelope indexEnvelope(Initiative initiative) {
    Envelope envelope = new Envelope(initiative.details().place().locator().getEnvelopeInternal());
    envelope.expandBy(1e-7);
    return envelope;
  }

  private Instant now() {
    return clock.instant();
  }

  private static <T> Outcome<T> notFound(InitiativeId id) {
    return Outcome.refused(
        new Refusal(
            "initiative.not-found",
            text(
                "There is no initiative " + id + ".",
                "Il n'y a pas d'initiative " + id + ".",
                "Er is geen initiatief " + id + ".")));
  }

  private static LocalizedText text(String en, String fr, String nl) {
    return Initiative.text(en, fr, nl);
  }

  private static double degreesFor(double metres, double latitude) {
    double cos = Math.max(Math.cos(Math.toRadians(Math.abs(latitude))), 1e-6);
    return Math.max(metres / METRES_PER_DEGREE, metres / (METRES_PER_DEGREE * cos)) * 1.01 + 1e-9;
  }

  /** Great-circle distance between two lon/lat coordinates, in metres. */
  static double haversine(Coordinate a, Coordinate b) {
    double lat1 = Math.toRadians(a.y);
    double lat2 = Math.toRadians(b.y);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.x - a.x);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}

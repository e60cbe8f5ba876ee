package org.polity.jakarta.news;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.polity.common.Texts;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.news.NewsFeed;
import org.polity.news.NewsId;
import org.polity.news.NewsItem;
import org.polity.news.Page;

/**
 * The use cases of news and events, the one entry point of every client (the REST resources, a host
 * portal's pages). Anyone reads; staff, moderators and administrators ({@value
 * NewsCapability#PUBLISH}) publish, edit and withdraw. Each method applies the permission and the
 * rules of core's {@code org.polity.news}, stores the outcome, and fires {@link NewsPublished},
 * {@link EventAnnounced} or {@link NewsWithdrawn} once it is committed. Refusals are values, in
 * French, Dutch and English.
 */
@ApplicationScoped
public class NewsService {

  static final String ITEM = "item";
  static final String EVENT = "event";

  private static final Texts TEXTS = Texts.of(NewsService.class);

  @Inject NewsStore store;
  @Inject Clock clock;
  @Inject Event<NewsPublished> published;
  @Inject Event<EventAnnounced> announced;
  @Inject Event<NewsWithdrawn> withdrawn;

  private final SecureRandom random = new SecureRandom();
  private int pageSize = NewsCapability.DEFAULT_PAGE_SIZE;

  /** Creates the service; CDI calls it. */
  public NewsService() {}

  @PostConstruct
  void readSettings() {
    pageSize = NewsCapability.pageSize(ConfigProvider.getConfig());
  }

  /**
   * The page size used when a reader does not give one ({@value NewsCapability#PAGE_SIZE}).
   *
   * @return the page size
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * The news items, newest first; publishers also see the items scheduled for later.
   *
   * @param caller who reads
   * @param offset how many to skip
   * @param limit how many at most; empty for {@link #pageSize()}
   * @return the page
   */
  public Page<Versioned<NewsItem>> news(Caller caller, int offset, Optional<Integer> limit) {
    Instant now = clock.instant();
    List<Versioned<NewsItem>> items =
        store.all(ITEM).stream()
            .map(
                row -> new Versioned<>(NewsDocuments.item(row.id(), row.document()), row.version()))
            .toList();
    List<NewsItem> ordered =
        NewsFeed.news(items.stream().map(Versioned::value).toList(), now, mayPublish(caller));
    return Page.of(versioned(items, ordered, NewsItem::id), offset, size(limit));
  }

  /**
   * The events: upcoming (and going on) first, soonest first; then past ones, latest first.
   *
   * @param offset how many to skip
   * @param limit how many at most; empty for {@link #pageSize()}
   * @return the page
   */
  public Page<Versioned<org.polity.news.Event>> events(int offset, Optional<Integer> limit) {
    List<Versioned<org.polity.news.Event>> events =
        store.all(EVENT).stream()
            .map(
                row ->
                    new Versioned<>(NewsDocuments.event(row.id(), row.document()), row.version()))
            .toList();
    List<org.polity.news.Event> ordered =
        NewsFeed.upcomingFirst(events.stream().map(Versioned::value).toList(), clock.instant());
    return Page.of(versioned(events, ordered, org.polity.news.Event::id), offset, size(limit));
  }

  /**
   * One news item; one scheduled for later is shown to publishers only.
   *
   * @param caller who reads
   * @param id the id
   * @return the item and its version, or refused: not found
   */
  public Result<Versioned<NewsItem>> newsItem(Caller caller, NewsId id) {
    Optional<Versioned<NewsItem>> item =
        store
            .one(ITEM, id.value())
            .map(
                row -> new Versioned<>(NewsDocuments.item(row.id(), row.document()), row.version()))
            .filter(v -> mayPublish(caller) || v.value().isPublishedAt(clock.instant()));
    return item.map(Result::ok).orElseGet(() -> notFound(ITEM, id));
  }

  /**
   * One event.
   *
   * @param id the id
   * @return the event and its version, or refused: not found
   */
  public Result<Versioned<org.polity.news.Event>> event(NewsId id) {
    return store
        .one(EVENT, id.value())
        .map(row -> new Versioned<>(NewsDocuments.event(row.id(), row.document()), row.version()))
        .map(Result::ok)
        .orElseGet(() -> notFound(EVENT, id));
  }

  /**
   * Publishes a news item.
   *
   * @param caller who publishes (a publisher)
   * @param draft the item
   * @return the item at version 1, or refused: not allowed
   */
  public Result<Versioned<NewsItem>> publish(Caller caller, NewsDraft draft) {
    if (!mayPublish(caller)) {
      return notAllowed();
    }
    NewsItem item = item(newId("news"), draft, clock.instant());
    store.insert(ITEM, item.id().value(), NewsDocuments.document(item));
    published.fire(new NewsPublished(item, by(caller)));
    return Result.ok(new Versioned<>(item, 1));
  }

  /**
   * Edits a news item, if nobody changed it since the caller read it.
   *
   * @param caller who edits (a publisher)
   * @param id the item
   * @param version the version the caller read
   * @param draft the new content; an empty publication time keeps the item's
   * @return the item at its new version, or refused: not allowed, not found, stale
   */
  public Result<Versioned<NewsItem>> edit(Caller caller, NewsId id, long version, NewsDraft draft) {
    if (!mayPublish(caller)) {
      return notAllowed();
    }
    Optional<NewsStore.Row> row = store.one(ITEM, id.value());
    if (row.isEmpty()) {
      return notFound(ITEM, id);
    }
    Instant kept = NewsDocuments.item(id.value(), row.get().document()).publishedAt();
    NewsItem item = item(id, draft, kept);
    if (!store.replace(ITEM, id.value(), version, NewsDocuments.document(item))) {
      return stale(ITEM, id);
    }
    return Result.ok(new Versioned<>(item, version + 1));
  }

  /**
   * Announces an event.
   *
   * @param caller who announces it (a publisher)
   * @param draft the event
   * @return the event at version 1, or refused: not allowed
   */
  public Result<Versioned<org.polity.news.Event>> announce(Caller caller, EventDraft draft) {
    if (!mayPublish(caller)) {
      return notAllowed();
    }
    org.polity.news.Event event = event(newId("event"), draft);
    store.insert(EVENT, event.id().value(), NewsDocuments.document(event));
    announced.fire(new EventAnnounced(event, by(caller)));
    return Result.ok(new Versioned<>(event, 1));
  }

  /**
   * Edits an event, if nobody changed it since the caller read it.
   *
   * @param caller who edits (a publisher)
   * @param id the event
   * @param version the version the caller read
   * @param draft the new content
   * @return the event at its new version, or refused: not allowed, not found, stale
   */
  public Result<Versioned<org.polity.news.Event>> editEvent(
      Caller caller, NewsId id, long version, EventDraft draft) {
    if (!mayPublish(caller)) {
      return notAllowed();
    }
    if (store.one(EVENT, id.value()).isEmpty()) {
      return notFound(EVENT, id);
    }
    org.polity.news.Event event = event(id, draft);
    if (!store.replace(EVENT, id.value(), version, NewsDocuments.document(event))) {
      return stale(EVENT, id);
    }
    return Result.ok(new Versioned<>(event, version + 1));
  }

  /**
   * Withdraws a news item: readers no longer see it.
   *
   * @param caller who withdraws it (a publisher)
   * @param id the item
   * @return the id, or refused: not allowed, not found
   */
  public Result<NewsId> withdraw(Caller caller, NewsId id) {
    return withdraw(caller, ITEM, id);
  }

  /**
   * Withdraws an event: readers no longer see it.
   *
   * @param caller who withdraws it (a publisher)
   * @param id the event
   * @return the id, or refused: not allowed, not found
   */
  public Result<NewsId> withdrawEvent(Caller caller, NewsId id) {
    return withdraw(caller, EVENT, id);
  }

  /**
   * Whether a caller may publish ({@value NewsCapability#PUBLISH}).
   *
   * @param caller the caller
   * @return true for staff, moderators and administrators
   */
  public boolean mayPublish(Caller caller) {
    return caller.hasAny(NewsCapability.PUBLISHERS.toArray(PolityRole[]::new))
        || caller.hasAny(PolityRole.REVIEWER, PolityRole.ENCODER);
  }

  private Result<NewsId> withdraw(Caller caller, String kind, NewsId id) {
    if (!mayPublish(caller)) {
      return notAllowed();
    }
    if (!store.withdraw(kind, id.value())) {
      return notFound(kind, id);
    }
    withdrawn.fire(new NewsWithdrawn(id, kind, by(caller), clock.instant()));
    return Result.ok(id);
  }

  private static NewsItem item(NewsId id, NewsDraft draft, Instant publishedAt) {
    return new NewsItem(
        id, draft.title(), draft.text(), draft.publishedAt().orElse(publishedAt), draft.process());
  }

  private static org.polity.news.Event event(NewsId id, EventDraft draft) {
    return new org.polity.news.Event(
        id, draft.title(), draft.description(), draft.schedule(), draft.place(), draft.process());
  }

  private static <T> List<Versioned<T>> versioned(
      List<Versioned<T>> all, List<T> ordered, java.util.function.Function<T, NewsId> id) {
    java.util.Map<NewsId, Long> versions = new java.util.HashMap<>();
    all.forEach(v -> versions.put(id.apply(v.value()), v.version()));
    return ordered.stream().map(v -> new Versioned<>(v, versions.get(id.apply(v)))).toList();
  }

  private int size(Optional<Integer> limit) {
    return limit.orElse(pageSize);
  }

  private NewsId newId(String prefix) {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return NewsId.of(prefix + "-" + HexFormat.of().formatHex(bytes));
  }

  private static String by(Caller caller) {
    return caller.name().orElse("anonymous");
  }

  private static <T> Result<T> notAllowed() {
    return Result.refused(
        Refusal.of(Refusal.Kind.FORBIDDEN, "forbidden", TEXTS.text("news.not-allowed")));
  }

  private static <T> Result<T> notFound(String kind, NewsId id) {
    return Result.refused(Refusal.notFound(TEXTS.text(prefix(kind) + ".not-found", id.value())));
  }

  private static <T> Result<T> stale(String kind, NewsId id) {
    return Result.refused(
        Refusal.of(
            Refusal.Kind.STALE,
            "precondition-failed",
            TEXTS.text(prefix(kind) + ".stale", id.value())));
  }

  private static String prefix(String kind) {
    return kind.equals(ITEM) ? "news" : "event";
  }
}

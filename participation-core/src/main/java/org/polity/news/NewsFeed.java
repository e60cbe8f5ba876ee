package org.polity.news;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * How readers see news and events: the queries behind the lists, in one place.
 *
 * <ul>
 *   <li>news: the items published by now (staff also see those scheduled later), newest first;
 *   <li>events: those still to come or going on, soonest first, then those that are over, most
 *       recent first.
 * </ul>
 *
 * Ties are broken by id, so that pages never overlap.
 */
public final class NewsFeed {

  private NewsFeed() {}

  /**
   * The news items in reading order.
   *
   * @param items every item
   * @param now the time of the reading
   * @param withScheduled whether items published after {@code now} are included (staff see them)
   * @return the items, newest first
   */
  public static List<NewsItem> news(
      Collection<NewsItem> items, Instant now, boolean withScheduled) {
    return items.stream()
        .filter(item -> withScheduled || item.isPublishedAt(now))
        .sorted(
            Comparator.comparing(NewsItem::publishedAt)
                .reversed()
                .thenComparing(item -> item.id().value()))
        .toList();
  }

  /**
   * The events in reading order: upcoming first.
   *
   * @param events every event
   * @param now the time of the reading
   * @return the events still to come or going on (soonest start first), then the others (latest
   *     start first)
   */
  public static List<Event> upcomingFirst(Collection<Event> events, Instant now) {
    Comparator<Event> byStart = Comparator.comparing(e -> e.schedule().startsAt());
    Comparator<Event> byId = Comparator.comparing(e -> e.id().value());
    List<Event> upcoming =
        events.stream()
            .filter(e -> e.isUpcomingAt(now))
            .sorted(byStart.thenComparing(byId))
            .toList();
    List<Event> past =
        events.stream()
            .filter(e -> !e.isUpcomingAt(now))
            .sorted(byStart.reversed().thenComparing(byId))
            .toList();
    return java.util.stream.Stream.concat(upcoming.stream(), past.stream()).toList();
  }
}

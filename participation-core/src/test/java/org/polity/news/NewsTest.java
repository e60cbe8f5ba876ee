package org.polity.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.geo.GeoPoint;

class NewsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static LocalizedText fr(String text) {
    return LocalizedText.of("fr", text);
  }

  private static NewsItem item(String id, String publishedAt) {
    return new NewsItem(
        NewsId.of(id), fr("Titre"), fr("Texte"), Instant.parse(publishedAt), Optional.empty());
  }

  private static Event event(String id, String start, String end) {
    return new Event(
        NewsId.of(id),
        fr("Soirée"),
        fr("Présentation des projets"),
        new Schedule(Instant.parse(start), Instant.parse(end)),
        Place.named("Maison communale"),
        Optional.of(ProcessId.of("pb-2026")));
  }

  @Test
  void anEventEndsAtOrAfterItsStart() {
    assertThat(new Schedule(NOW, NOW).duration()).isZero();
    assertThatThrownBy(() -> new Schedule(NOW, NOW.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before it starts");
  }

  @Test
  void textsAreInFrenchDutchOrEnglishAndNotTooLong() {
    assertThat(NewsTexts.problem(fr("a").with("nl", "b").with("en", "c"), 10)).isEmpty();
    assertThat(NewsTexts.problem(LocalizedText.of("de", "Hallo"), 10))
        .contains("the language 'de' is not one of fr, nl, en: leave it out");
    assertThat(NewsTexts.problem(fr("x".repeat(11)), 10)).get().asString().contains("within 10");
    assertThatThrownBy(
            () ->
                new NewsItem(
                    NewsId.of("n1"),
                    LocalizedText.of("de", "Titel"),
                    fr("Texte"),
                    NOW,
                    Optional.empty()))
        .hasMessageContaining("The title is not acceptable");
  }

  @Test
  void aPlaceHasANameAndMayHaveAnAddressAndAPoint() {
    Place place =
        new Place(
            "  Parc de Forest ",
            Optional.of("Avenue du Globe 1, 1190 Forest"),
            Optional.of(GeoPoint.of(4.32, 50.81)));
    assertThat(place.name()).isEqualTo("Parc de Forest");
    assertThatThrownBy(() -> Place.named(" ")).hasMessageContaining("name is blank");
    assertThatThrownBy(() -> new Place("x", Optional.of(""), Optional.empty()))
        .hasMessageContaining("address is blank");
  }

  @Test
  void idsAreSafeInAPath() {
    assertThat(NewsId.isValid("news-0a1b")).isTrue();
    assertThat(NewsId.isValid("News/1")).isFalse();
    assertThatThrownBy(() -> NewsId.of("-x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newsAreNewestFirstAndScheduledOnesOnlyForStaff() {
    List<NewsItem> items =
        List.of(
            item("old", "2026-01-01T00:00:00Z"),
            item("later", "2026-04-01T00:00:00Z"),
            item("new", "2026-02-28T00:00:00Z"));
    assertThat(NewsFeed.news(items, NOW, false))
        .extracting(i -> i.id().value())
        .containsExactly("new", "old");
    assertThat(NewsFeed.news(items, NOW, true))
        .extracting(i -> i.id().value())
        .containsExactly("later", "new", "old");
  }

  @Test
  void upcomingEventsComeFirstSoonestFirstThenPastOnesLatestFirst() {
    List<Event> events =
        List.of(
            event("past-old", "2026-01-01T18:00:00Z", "2026-01-01T20:00:00Z"),
            event("next-week", "2026-03-08T18:00:00Z", "2026-03-08T20:00:00Z"),
            event("past-recent", "2026-02-20T18:00:00Z", "2026-02-20T20:00:00Z"),
            event("going-on", "2026-03-01T10:00:00Z", "2026-03-01T14:00:00Z"),
            event("tomorrow", "2026-03-02T18:00:00Z", "2026-03-02T20:00:00Z"));
    assertThat(NewsFeed.upcomingFirst(events, NOW))
        .extracting(e -> e.id().value())
        .containsExactly("going-on", "tomorrow", "next-week", "past-recent", "past-old");
  }

  @Test
  void aPageIsASliceWithTheTotal() {
    List<Integer> all = List.of(1, 2, 3, 4, 5);
    Page<Integer> page = Page.of(all, 2, 2);
    assertThat(page.items()).containsExactly(3, 4);
    assertThat(page.total()).isEqualTo(5);
    assertThat(Page.of(all, 10, 2).items()).isEmpty();
    assertThat(Page.of(all, 4, Integer.MAX_VALUE).items()).containsExactly(5);
    assertThatThrownBy(() -> Page.of(all, -1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}

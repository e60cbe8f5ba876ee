package org.polity.cartography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.process.Outcome;
import org.polity.testing.MutableClock;

class InitiativeRegistryTest {

  private MutableClock clock;
  private InitiativeRegistry registry;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2026-02-01T09:00:00Z"), ZoneOffset.UTC);
    registry = new InitiativeRegistry(clock);
  }

  @Test
  void aProposalWaitsForModerationAndIsNotOnTheMap() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    assertThat(proposed.moderation()).isInstanceOf(Moderation.Pending.class);
    assertThat(proposed.id().value()).isEqualTo("ini-00000001");
    assertThat(registry.pending()).containsExactly(proposed);
    assertThat(registry.publishedCount()).isZero();
    assertThat(registry.findAll(InitiativeQuery.all())).isEmpty();
    assertThat(registry.published(proposed.id())).isEmpty();
    assertThat(proposed.history())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo(Revision.Action.PROPOSED);
              assertThat(r.actor()).isEqualTo("org-1");
              assertThat(r.at()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
              assertThat(r.changed()).contains("title", "place");
            });
  }

  @Test
  void aModeratorPublishesThenTheInitiativeIsFoundOnTheMap() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    clock.advance(java.time.Duration.ofHours(2));
    Initiative published = registry.publish(proposed.id(), "staff-1").orElseThrow();
    assertThat(published.moderation()).isEqualTo(new Moderation.Published("staff-1"));
    assertThat(registry.pending()).isEmpty();
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(4.3, 50.8, 4.4, 50.9).build()))
        .containsExactly(published);
    assertThat(published.history())
        .extracting(Revision::action)
        .containsExactly(Revision.Action.PROPOSED, Revision.Action.PUBLISHED);
    assertThat(published.updatedAt()).isEqualTo(Instant.parse("2026-02-01T11:00:00Z"));
  }

  @Test
  void aRejectionKeepsTheReasonAndASecondModerationIsRefusedWithoutChange() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    LocalizedText reason =
        LocalizedText.of("en", "Not a participatory initiative.").with("fr", "Pas participatif.");
    Initiative rejected = registry.reject(proposed.id(), "staff-1", reason).orElseThrow();
    assertThat(rejected.moderation()).isEqualTo(new Moderation.Rejected("staff-1", reason));
    assertThat(rejected.history().get(1).why()).isEqualTo("Not a participatory initiative.");

    Outcome<Initiative> again = registry.publish(proposed.id(), "staff-2");
    assertThat(again.refusal())
        .get()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("initiative.not-pending");
              assertThat(r.message(Locale.FRENCH)).contains("ini-00000001").contains("en attente");
              assertThat(r.message(Locale.forLanguageTag("nl"))).contains("moderatie");
            });
    assertThat(registry.get(proposed.id())).contains(rejected);
    assertThat(registry.publishedCount()).isZero();
  }

  @Test
  void unknownIdsAreRefusedAsValues() {
    assertThat(registry.publish(InitiativeId.of("ini-99"), "staff").refusal())
        .get()
        .extracting(r -> r.code())
        .isEqualTo("initiative.not-found");
    assertThat(
            registry
                .edit(InitiativeId.of("ini-99"), Actor.moderator("s"), Samples.budget(4, 50), "x")
                .refusal())
        .get()
        .extracting(r -> r.code())
        .isEqualTo("initiative.not-found");
  }

  @Test
  void
      anOrganisersEditOfAPublishedInitiativeWaitsForModerationWhileTheMapKeepsThePublishedDetails() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    Initiative published = registry.publish(proposed.id(), "staff-1").orElseThrow();
    clock.advance(java.time.Duration.ofDays(1));
    InitiativeDetails moved =
        proposed.details().toBuilder().place(Place.point(4.38, 50.82)).theme("culture").build();

    Initiative edited =
        registry.edit(proposed.id(), Actor.organiser("org-1"), moved, "New venue").orElseThrow();

    assertThat(edited.isPublished()).isTrue();
    assertThat(edited.details()).isEqualTo(proposed.details());
    assertThat(edited.pendingEdit()).contains(moved);
    Revision last = edited.history().get(2);
    assertThat(last.action()).isEqualTo(Revision.Action.EDIT_PROPOSED);
    assertThat(last.actor()).isEqualTo("org-1");
    assertThat(last.changed()).containsExactly("themes", "place");
    assertThat(last.why()).isEqualTo("New venue");
    assertThat(last.details()).isEqualTo(moved);
    assertThat(last.at()).isEqualTo(Instant.parse("2026-02-02T09:00:00Z"));
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(4.36, 50.82, 4.375, 50.84).build()))
        .extracting(Initiative::id)
        .containsExactly(proposed.id());
    assertThat(registry.pending()).containsExactly(edited);
    assertThat(registry.publish(proposed.id(), "staff-1").orElseThrow().pendingEdit()).isEmpty();
    assertThat(published.history()).hasSize(2);
  }

  @Test
  void aModeratorAcceptsAWaitingEditAndTheInitiativeMovesOnTheMap() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    registry.publish(proposed.id(), "staff-1").orElseThrow();
    InitiativeDetails moved =
        proposed.details().toBuilder().place(Place.point(5.57, 50.63)).build();
    registry.edit(proposed.id(), Actor.organiser("org-1"), moved, "Moved to Liège").orElseThrow();

    Initiative accepted = registry.publish(proposed.id(), "staff-2").orElseThrow();

    assertThat(accepted.details()).isEqualTo(moved);
    assertThat(accepted.pendingEdit()).isEmpty();
    assertThat(accepted.history().get(3).action()).isEqualTo(Revision.Action.PUBLISHED);
    assertThat(accepted.history().get(3).changed()).containsExactly("place");
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(5.5, 50.6, 5.6, 50.7).build()))
        .containsExactly(accepted);
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(4.3, 50.8, 4.4, 50.9).build()))
        .isEmpty();
    assertThat(registry.pending()).isEmpty();
  }

  @Test
  void aModeratorRejectsAWaitingEditWithAReasonAndThePublishedDetailsStay() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    registry.publish(proposed.id(), "staff-1").orElseThrow();
    InitiativeDetails retitled =
        proposed.details().toBuilder()
            .title(LocalizedText.of("fr", "Meilleur budget du monde"))
            .build();
    registry.edit(proposed.id(), Actor.organiser("org-1"), retitled, "Better title").orElseThrow();

    Initiative rejected =
        registry
            .reject(proposed.id(), "staff-2", LocalizedText.of("en", "Advertising is not allowed"))
            .orElseThrow();

    assertThat(rejected.isPublished()).isTrue();
    assertThat(rejected.details()).isEqualTo(proposed.details());
    assertThat(rejected.pendingEdit()).isEmpty();
    Revision decision = rejected.history().get(3);
    assertThat(decision.action()).isEqualTo(Revision.Action.REJECTED);
    assertThat(decision.why()).isEqualTo("Advertising is not allowed");
    assertThat(decision.changed()).containsExactly("title");
    assertThat(registry.published(proposed.id())).contains(rejected);
    assertThat(registry.reject(proposed.id(), "staff-2", LocalizedText.of("en", "again")).refusal())
        .get()
        .extracting(r -> r.code())
        .isEqualTo("initiative.not-pending");
  }

  @Test
  void anOrganisersEditOfARejectedInitiativeResubmitsIt() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    registry
        .reject(proposed.id(), "staff-1", LocalizedText.of("en", "Place is wrong"))
        .orElseThrow();
    InitiativeDetails moved =
        proposed.details().toBuilder().place(Place.point(4.38, 50.82)).build();

    Initiative edited =
        registry.edit(proposed.id(), Actor.organiser("org-1"), moved, "Fixed").orElseThrow();

    assertThat(edited.moderation()).isInstanceOf(Moderation.Pending.class);
    assertThat(edited.details()).isEqualTo(moved);
    assertThat(edited.history().get(2).action()).isEqualTo(Revision.Action.EDITED);
    assertThat(registry.pending()).containsExactly(edited);
  }

  @Test
  void restoredInitiativesAreIndexedAndReplacedWhole() {
    InitiativeRegistry source = new InitiativeRegistry(clock);
    Initiative a = source.propose("org-1", Samples.budget(4.37, 50.83));
    Initiative aPublished = source.publish(a.id(), "staff").orElseThrow();
    Initiative b = source.propose("org-2", Samples.budget(5.57, 50.63));

    registry.restore(aPublished);
    registry.restore(b);
    assertThat(registry.findAll(InitiativeQuery.all())).containsExactly(aPublished);
    assertThat(registry.pending()).containsExactly(b);
    Initiative moved =
        aPublished
            .edit(
                Actor.moderator("staff"),
                aPublished.details().toBuilder().place(Place.point(5.0, 50.0)).build(),
                "moved",
                clock.instant())
            .orElseThrow();
    registry.restore(moved);
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(4.3, 50.8, 4.4, 50.9).build()))
        .isEmpty();
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(4.9, 49.9, 5.1, 50.1).build()))
        .containsExactly(moved);
    assertThat(registry.propose("org-3", Samples.budget(4, 50)).id()).isNotIn(a.id(), b.id());
    assertThatThrownBy(
            () ->
                Initiative.restore(
                    a.id(), "someone-else", a.details(), a.moderation(), null, a.history()))
        .hasMessageContaining("does not start with its proposal by someone-else");
    assertThatThrownBy(
            () ->
                Initiative.restore(
                    b.id(), "org-2", b.details(), b.moderation(), b.details(), b.history()))
        .hasMessageContaining("only a published initiative keeps an edit apart");
  }

  @Test
  void aModeratorsEditKeepsThePublicationAndMovesTheInitiativeInTheIndex() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    registry.publish(proposed.id(), "staff-1").orElseThrow();
    InitiativeDetails moved =
        proposed.details().toBuilder().place(Place.point(5.57, 50.63)).build();

    Initiative edited =
        registry
            .edit(proposed.id(), Actor.moderator("staff-2"), moved, "Typo in place")
            .orElseThrow();

    assertThat(edited.isPublished()).isTrue();
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(4.3, 50.8, 4.4, 50.9).build()))
        .isEmpty();
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(5.5, 50.6, 5.6, 50.7).build()))
        .containsExactly(edited);
  }

  @Test
  void anotherOrganiserAndAnEditWithoutChangeAreRefusedAndChangeNothing() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    Initiative published = registry.publish(proposed.id(), "staff-1").orElseThrow();
    InitiativeDetails other = proposed.details().toBuilder().scale(Scale.REGION).build();

    assertThat(registry.edit(proposed.id(), Actor.organiser("org-2"), other, "mine now").refusal())
        .get()
        .extracting(r -> r.code())
        .isEqualTo("initiative.not-yours");
    assertThat(
            registry
                .edit(proposed.id(), Actor.organiser("org-1"), proposed.details(), "same")
                .refusal())
        .get()
        .extracting(r -> r.code())
        .isEqualTo("initiative.no-change");
    assertThat(registry.get(proposed.id())).contains(published);
  }

  @Test
  void programmingErrorsThrowWithTheFix() {
    Initiative proposed = registry.propose("org-1", Samples.budget(4.37, 50.83));
    assertThatThrownBy(
            () -> registry.edit(proposed.id(), Actor.moderator("s"), Samples.budget(4, 50), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("say why it changes");
    assertThatThrownBy(() -> registry.reject(proposed.id(), "staff", null))
        .hasMessageContaining("a rejection needs a reason");
    assertThatThrownBy(() -> registry.propose(" ", Samples.budget(4, 50)))
        .hasMessageContaining("The account is blank");
    assertThat(registry.get(proposed.id()).orElseThrow().history()).hasSize(1);
  }

  @Test
  void detailsRefuseBadInputWithHelpfulMessages() {
    assertThatThrownBy(() -> Samples.budget(4, 50).toBuilder().title(null).build())
        .hasMessage("The title is missing: give LocalizedText.of(\"fr\", \"...\").");
    assertThatThrownBy(() -> Samples.budget(4, 50).toBuilder().theme("Green Spaces").build())
        .hasMessageContaining("'Green Spaces' is not a theme code");
    assertThatThrownBy(() -> Period.between(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1)))
        .hasMessage(
            "The end date 2026-04-01 is before the start date 2026-05-01: swap them or fix one.");
    assertThatThrownBy(() -> new Period(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1), true))
        .hasMessageContaining("ongoing");
    assertThatThrownBy(() -> Place.point(50.85, 184.35)).hasMessageContaining("were they swapped?");
    assertThatThrownBy(
            () -> Place.area(new org.locationtech.jts.geom.GeometryFactory().createPoint()))
        .hasMessageContaining("An area is a Polygon or MultiPolygon");
    assertThatThrownBy(() -> new Place(null, null))
        .hasMessageContaining("needs a point, an area or both");
    assertThatThrownBy(() -> new Contact(null, "not-an-email", null, java.util.List.of()))
        .hasMessageContaining("is not an e-mail address");
    assertThatThrownBy(() -> Contact.links("ftp://x.example/")).hasMessageContaining("http(s)");
    assertThatThrownBy(() -> InitiativeKind.fromCode("hackathon"))
        .hasMessageContaining("citizens-assembly");
    assertThat(InitiativeKind.fromCode("citizens_assembly"))
        .isEqualTo(InitiativeKind.CITIZENS_ASSEMBLY);
  }

  @Test
  void areasFollowTheRightHandRuleSoThatTheirGeoJsonReadsBackEqual() throws Exception {
    var clockwise =
        new org.locationtech.jts.io.WKTReader()
            .read(
                "POLYGON ((4 50, 4 51, 5 51, 5 50, 4 50), (4.2 50.2, 4.8 50.2, 4.8 50.8, 4.2 50.8, 4.2 50.2))");
    Place place = Place.area(clockwise);
    var polygon = (org.locationtech.jts.geom.Polygon) place.area();
    assertThat(
            org.locationtech.jts.algorithm.Orientation.isCCW(
                polygon.getExteriorRing().getCoordinateSequence()))
        .isTrue();
    assertThat(
            org.locationtech.jts.algorithm.Orientation.isCCW(
                polygon.getInteriorRingN(0).getCoordinateSequence()))
        .isFalse();
    assertThat(polygon.getExteriorRing().getCoordinateN(0))
        .isEqualTo(new org.locationtech.jts.geom.Coordinate(4, 50));
    assertThat(polygon.equalsTopo(clockwise)).isTrue();
    var read =
        new org.polity.geo.GeoJsonReader()
            .geometry(
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(new org.polity.geo.GeoJsonWriter().geometry(place.area())));
    assertThat(Place.area(read)).isEqualTo(place);
  }

  @Test
  void aSelfCrossingAreaIsRefused() throws Exception {
    var bowtie =
        new org.locationtech.jts.io.WKTReader().read("POLYGON ((4 50, 5 51, 5 50, 4 51, 4 50))");
    assertThatThrownBy(() -> Place.area(bowtie))
        .hasMessageStartingWith("The area is not valid: Self-intersection");
  }

  @Test
  void periodsOverlapWithOpenEnds() {
    Period ongoing = Period.ongoingSince(LocalDate.of(2020, 1, 1));
    assertThat(ongoing.overlaps(LocalDate.of(2030, 1, 1), null)).isTrue();
    assertThat(ongoing.overlaps(null, LocalDate.of(2019, 12, 31))).isFalse();
    Period closed = Period.between(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31));
    assertThat(closed.overlaps(LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 5))).isTrue();
    assertThat(closed.overlaps(LocalDate.of(2020, 2, 1), null)).isFalse();
    assertThat(Period.unknown().overlaps(LocalDate.of(1900, 1, 1), LocalDate.of(1900, 1, 1)))
        .isTrue();
  }
}

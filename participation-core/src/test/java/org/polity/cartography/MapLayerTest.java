package org.polity.cartography;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.polity.common.LocalizedText;
import org.polity.common.ProjectId;
import org.polity.geo.GeoJsonFeature;
import org.polity.process.PhaseProgression;
import org.polity.project.Edition;
import org.polity.project.ProjectLocation;
import org.polity.testing.MutableClock;
import org.polity.testing.SampleEditions;
import org.polity.testing.SharedData;

class MapLayerTest {

  @Test
  void theProjectsOfAnEditionAreAFeatureCollectionOfTheirOwn() {
    MutableClock clock =
        new MutableClock(Instant.parse("2027-02-02T09:00:00Z"), SampleEditions.BRUSSELS);
    Edition edition =
        new Edition(SampleEditions.sharedBudget2027(PhaseProgression.BY_DATES), clock);
    ProjectId benches =
        edition
            .submit(idea("Benches", 5_000, ProjectLocation.point(4.3387, 50.8427)))
            .orElseThrow();
    ProjectId park =
        edition
            .submit(
                idea(
                    "Park",
                    50_000,
                    ProjectLocation.fromWkt(
                        "POLYGON ((4.40 50.80, 4.41 50.80, 4.41 50.81, 4.40 50.81, 4.40 50.80))")))
            .orElseThrow();
    edition.submit(SampleEditions.idea("Nowhere in particular", 1_000)).orElseThrow();

    ProjectLayer layer = new ProjectLayer(edition);
    assertThat(layer.id()).isEqualTo("projects-sb-2027");
    assertThat(layer.title().get("fr")).contains("Projets – Budget partagé 2027");
    FeaturePage all = layer.features(LayerQuery.page(0, 10));
    assertThat(all.numberMatched()).isEqualTo(2);
    assertThat(all.features())
        .extracting(GeoJsonFeature::id)
        .containsExactly(benches.value(), park.value());
    GeoJsonFeature first = all.features().get(0);
    assertThat(((Point) first.geometry()).getX()).isEqualTo(4.3387);
    assertThat(first.properties())
        .containsEntry("title", "Benches")
        .containsEntry("status", "submitted")
        .containsEntry("cost", new BigDecimal("5000"))
        .containsEntry("currency", "EUR")
        .containsEntry("district", "Centre")
        .containsEntry("edition", "sb-2027");
    FeaturePage east =
        layer.features(new LayerQuery(new Envelope(4.405, 4.5, 50.805, 50.9), null, null, 0, 10));
    assertThat(east.features()).extracting(GeoJsonFeature::id).containsExactly(park.value());
    assertThat(layer.feature(park.value())).isPresent();
    assertThat(layer.feature("no such project")).isEmpty();
    assertThat(layer.extent()).isEqualTo(new Envelope(4.3387, 4.41, 50.80, 50.8427));
  }

  private static org.polity.project.ProjectProposal idea(
      String title, long cost, ProjectLocation location) {
    return org.polity.project.ProjectProposal.builder()
        .title(LocalizedText.of("en", title))
        .description(LocalizedText.of("en", "About " + title))
        .theme("greenery")
        .estimatedCost(org.polity.common.Money.of(cost, "EUR"))
        .district("Centre")
        .location(location)
        .author(new org.polity.project.Author.Resident("Amina", 34))
        .channel(new org.polity.project.Channel.Online())
        .build();
  }

  @Test
  void districtsKeepTheirPropertiesAndFileOrder() {
    AreaLayer layer =
        new AreaLayer(
            "districts",
            LocalizedText.of("en", "Municipalities"),
            SharedData.brusselsMunicipalities());
    FeaturePage page = layer.features(LayerQuery.page(0, 100));
    assertThat(page.numberMatched()).isEqualTo(19);
    assertThat(page.features().get(0).properties())
        .containsKeys("nis", "name_fr", "name_nl", "population");
    FeaturePage second = layer.features(LayerQuery.page(10, 5));
    assertThat(second.features())
        .extracting(GeoJsonFeature::id)
        .isEqualTo(page.features().subList(10, 15).stream().map(GeoJsonFeature::id).toList());
    // a box around Auderghem's point finds Auderghem and its neighbours, not the far north-west
    FeaturePage near =
        layer.features(
            new LayerQuery(new Envelope(4.418, 4.419, 50.812, 50.813), null, null, 0, 100));
    assertThat(near.features())
        .extracting(GeoJsonFeature::id)
        .contains("21002")
        .doesNotContain("21010");
  }

  @Test
  void theInitiativeLayerShowsPublishedInitiativesWithFlatProperties() {
    InitiativeRegistry registry =
        new InitiativeRegistry(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    Initiative a = registry.propose("org", Samples.budget(4.37, 50.83));
    registry.propose("org", Samples.budget(4.38, 50.84));
    registry.publish(a.id(), "staff").orElseThrow();
    InitiativeLayer layer = new InitiativeLayer(registry);
    FeaturePage page = layer.features(LayerQuery.page(0, 10));
    assertThat(page.numberMatched()).isEqualTo(1);
    GeoJsonFeature feature = page.features().get(0);
    assertThat(feature.id()).isEqualTo(a.id().value());
    assertThat(feature.properties())
        .containsEntry("title", "Budget participatif d'Ixelles")
        .containsEntry("title_nl", "Burgerbegroting Elsene")
        .containsEntry("kind", "participatory-budget")
        .containsEntry("organiser_type", "public-body")
        .containsEntry("themes", List.of("mobility", "green-spaces"))
        .containsEntry("start_date", "2026-03-01")
        .containsEntry("ongoing", false)
        .containsEntry("links", List.of("https://ixelles.example/bp"));
    assertThat(
            layer
                .features(
                    new LayerQuery(
                        (org.polity.geo.BoundingBox) null,
                        java.time.LocalDate.of(2027, 1, 1),
                        null,
                        0,
                        10))
                .numberMatched())
        .isZero();
    assertThat(layer.feature("ini-00000002")).as("pending is not public").isEmpty();
    assertThat(layer.feature("bad id!")).isEmpty();
  }
}

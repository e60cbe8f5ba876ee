package org.polity.jakarta.cartography;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.polity.cartography.Contact;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.ParticipationMode;
import org.polity.cartography.Period;
import org.polity.cartography.Place;
import org.polity.cartography.Recruitment;
import org.polity.cartography.Scale;
import org.polity.common.LocalizedText;

/**
 * The stored form of initiative details reads back equal to what was written (the database keeps
 * it, a restart reads it): random details with fixed seeds, optional parts left out at random,
 * areas drawn clockwise or counter-clockwise, with and without a hole.
 */
class InitiativeJsonTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void detailsReadBackEqual(long seed) {
    Random random = new Random(seed);
    InitiativeDetails.Builder b =
        InitiativeDetails.builder()
            .title(
                LocalizedText.of("fr", "Initiative « " + seed + " »")
                    .with("nl", "Initiatief " + seed))
            .kind(InitiativeKind.values()[random.nextInt(InitiativeKind.values().length)])
            .organiser(
                random.nextBoolean() ? "Commune d'Ixelles" : "Collectif « Vélo »",
                OrganiserType.values()[random.nextInt(OrganiserType.values().length)])
            .scale(Scale.values()[random.nextInt(Scale.values().length)])
            .mode(ParticipationMode.values()[random.nextInt(ParticipationMode.values().length)])
            .recruitment(Recruitment.values()[random.nextInt(Recruitment.values().length)]);
    if (random.nextBoolean()) {
      b.description(LocalizedText.of("en", "Line one\nline \"two\""));
    }
    if (random.nextBoolean()) {
      b.audience(LocalizedText.of("nl", "jongeren"));
    }
    for (String theme : List.of("mobility", "green-spaces", "housing")) {
      if (random.nextBoolean()) {
        b.theme(theme);
      }
    }
    LocalDate start = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
    b.period(
        switch (random.nextInt(3)) {
          case 0 -> Period.between(start, start.plusDays(random.nextInt(400)));
          case 1 -> Period.ongoingSince(start);
          default -> Period.unknown();
        });
    if (random.nextBoolean()) {
      b.contact(
          new Contact(
              "Service participation",
              "participation@ixelles.example",
              "+32 2 515 61 11",
              List.of(URI.create("https://ixelles.example/bp?x=1&y=2"))));
    }
    double lon = 4.2 + random.nextDouble() * 0.3;
    double lat = 50.75 + random.nextDouble() * 0.2;
    Polygon area =
        square(
            lon,
            lat,
            0.01 + random.nextDouble() * 0.02,
            random.nextBoolean(),
            random.nextBoolean());
    b.place(
        switch (random.nextInt(3)) {
          case 0 -> Place.point(lon, lat);
          case 1 -> Place.area(area);
          default -> Place.both(lon, lat, area);
        });
    InitiativeDetails details = b.build();

    InitiativeDetails read =
        InitiativeJson.details(
            InitiativeStore.object(InitiativeJson.detailsJson(details).toString()));

    assertThat(read).isEqualTo(details);
    assertThat(read.differencesFrom(details)).isEmpty();
  }

  private static Polygon square(
      double lon, double lat, double side, boolean clockwise, boolean hole) {
    Coordinate[] shell = {
      new Coordinate(lon, lat),
      new Coordinate(lon + side, lat),
      new Coordinate(lon + side, lat + side),
      new Coordinate(lon, lat + side),
      new Coordinate(lon, lat)
    };
    if (clockwise) {
      java.util.Collections.reverse(java.util.Arrays.asList(shell));
    }
    if (!hole) {
      return FACTORY.createPolygon(shell);
    }
    double q = side / 4;
    Coordinate[] inner = {
      new Coordinate(lon + q, lat + q),
      new Coordinate(lon + q, lat + 3 * q),
      new Coordinate(lon + 3 * q, lat + 3 * q),
      new Coordinate(lon + 3 * q, lat + q),
      new Coordinate(lon + q, lat + q)
    };
    return FACTORY.createPolygon(
        FACTORY.createLinearRing(shell),
        new org.locationtech.jts.geom.LinearRing[] {FACTORY.createLinearRing(inner)});
  }
}

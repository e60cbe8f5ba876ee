package org.polity.cartography;

import java.time.LocalDate;
import org.polity.common.LocalizedText;

/** Sample initiative details for tests. */
final class Samples {

  private Samples() {}

  static InitiativeDetails budget(double lon, double lat) {
    return InitiativeDetails.builder()
        .title(
            LocalizedText.of("fr", "Budget participatif d'Ixelles")
                .with("nl", "Burgerbegroting Elsene"))
        .description(LocalizedText.of("fr", "Les habitants proposent et votent."))
        .kind(InitiativeKind.PARTICIPATORY_BUDGET)
        .organiser("Commune d'Ixelles", OrganiserType.PUBLIC_BODY)
        .theme("mobility")
        .theme("green-spaces")
        .scale(Scale.MUNICIPALITY)
        .mode(ParticipationMode.BOTH)
        .recruitment(Recruitment.OPEN)
        .period(Period.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 30)))
        .contact(
            new Contact(
                "Service participation",
                "participation@ixelles.example",
                null,
                java.util.List.of(java.net.URI.create("https://ixelles.example/bp"))))
        .place(Place.point(lon, lat))
        .build();
  }
}

package org.polity.jakarta.cartography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polity.cartography.Contact;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeId;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.Moderation;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.ParticipationMode;
import org.polity.cartography.Period;
import org.polity.cartography.Place;
import org.polity.cartography.Recruitment;
import org.polity.cartography.Scale;
import org.polity.common.LocalizedText;

/**
 * The storage format of initiatives ({@link StoredInitiatives}), apart from the REST format: a row
 * stored by the first release (without {@code schemaVersion}) reads as version 1; documents written
 * now carry {@code schemaVersion} and read back equal; a newer version is refused.
 */
class StoredInitiativesTest {

  /** Column polity_initiative.document exactly as the first release stored it. */
  static final String STORED_BY_FIRST_RELEASE =
      "{\"details\":{\"title\":{\"fr\":\"Un potager collectif\",\"nl\":\"Een moestuin\"},"
          + "\"description\":{\"fr\":\"Des bacs au parc.\"},\"kind\":\"participatory-budget\","
          + "\"organiser\":\"Commune d'Ixelles\",\"organiserType\":\"public-body\","
          + "\"themes\":[\"mobility\",\"housing\"],\"audience\":{\"en\":\"young people\"},"
          + "\"scale\":\"municipality\",\"mode\":\"both\",\"recruitment\":\"open\","
          + "\"start\":\"2026-03-01\",\"end\":\"2026-11-30\",\"ongoing\":false,"
          + "\"contact\":{\"name\":\"Service participation\",\"email\":\"bp@ixelles.example\","
          + "\"links\":[\"https://ixelles.example/bp\"]},\"point\":[4.3725,50.8333]},"
          + "\"moderation\":{\"status\":\"rejected\",\"moderator\":\"mo\","
          + "\"reason\":{\"fr\":\"Trop vague.\",\"en\":\"Too vague.\"}},"
          + "\"pendingEdit\":{\"title\":{\"fr\":\"Un potager\"},\"kind\":\"participatory-budget\",\"organiser\":\"Commune d'Ixelles\","
          + "\"organiserType\":\"public-body\",\"themes\":[],\"scale\":\"municipality\","
          + "\"mode\":\"both\",\"recruitment\":\"open\",\"ongoing\":false,"
          + "\"contact\":{\"links\":[]},\"point\":[4.3725,50.8333]}}";

  @Test
  void aRowStoredByTheFirstReleaseReadsAsVersionOne() {
    StoredInitiatives.Document read = StoredInitiatives.read(STORED_BY_FIRST_RELEASE, null, null);
    InitiativeDetails details = read.details();
    assertThat(details.title().in(java.util.Locale.FRENCH)).isEqualTo("Un potager collectif");
    assertThat(details.kind().code()).isEqualTo("participatory-budget");
    assertThat(details.organiser()).isEqualTo("Commune d'Ixelles");
    assertThat(details.themes()).containsExactly("mobility", "housing");
    assertThat(details.period().optionalEnd()).contains(LocalDate.of(2026, 11, 30));
    assertThat(details.contact().links()).containsExactly(URI.create("https://ixelles.example/bp"));
    assertThat(details.place().optionalPoint()).isPresent();
    assertThat(read.moderation()).isInstanceOf(Moderation.Rejected.class);
    assertThat(((Moderation.Rejected) read.moderation()).reason().in(java.util.Locale.ENGLISH))
        .isEqualTo("Too vague.");
    assertThat(read.pendingEdit().title().in(java.util.Locale.FRENCH)).isEqualTo("Un potager");
    assertThat(read.pendingEdit().optionalDescription()).isEmpty();
  }

  @Test
  void writtenDocumentsCarryTheirVersionAndReadBackEqual() {
    InitiativeDetails details = details();
    Initiative initiative =
        Initiative.propose(
            InitiativeId.of("ini-00000001"),
            "dora",
            details,
            Instant.parse("2026-02-01T10:00:00Z"));
    String written = StoredInitiatives.document(initiative);
    assertThat(StoredInitiatives.object(written).getInt(StoredInitiatives.SCHEMA_VERSION))
        .isEqualTo(StoredInitiatives.CURRENT_VERSION);
    StoredInitiatives.Document read = StoredInitiatives.read(written, null, null);
    assertThat(read.details()).isEqualTo(details);
    assertThat(read.moderation()).isInstanceOf(Moderation.Pending.class);
    assertThat(read.pendingEdit()).isNull();
    assertThat(StoredInitiatives.details(StoredInitiatives.detailsJson(details)))
        .isEqualTo(details);
  }

  @Test
  void theLastHistoryEntrysDetailsAreSharedWhenTheyAreTheStoredOnes() {
    InitiativeDetails details = details();
    Initiative initiative =
        Initiative.propose(
            InitiativeId.of("ini-00000002"),
            "dora",
            details,
            Instant.parse("2026-02-01T10:00:00Z"));
    StoredInitiatives.Document read =
        StoredInitiatives.read(
            StoredInitiatives.document(initiative),
            details,
            StoredInitiatives.detailsJson(details));
    assertThat(read.details()).isSameAs(details);
  }

  @Test
  void aVersionFromANewerReleaseIsRefused() {
    assertThatThrownBy(() -> StoredInitiatives.read("{\"schemaVersion\":2}", null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 2");
  }

  private static InitiativeDetails details() {
    return InitiativeDetails.builder()
        .title(LocalizedText.of("fr", "Vélos partagés").with("nl", "Deelfietsen"))
        .description(LocalizedText.of("en", "Line one\nline \"two\""))
        .kind(InitiativeKind.values()[0])
        .organiser("Collectif « Vélo »", OrganiserType.values()[0])
        .theme("mobility")
        .scale(Scale.values()[0])
        .mode(ParticipationMode.values()[0])
        .recruitment(Recruitment.values()[0])
        .period(Period.ongoingSince(LocalDate.of(2025, 5, 1)))
        .contact(
            new Contact(
                "Service",
                "bp@example.org",
                "+32 2 000 00 00",
                List.of(URI.create("https://x.example"))))
        .place(Place.point(4.35, 50.85))
        .build();
  }
}

package org.polity.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.process.PhaseProgression;
import org.polity.testing.MutableClock;
import org.polity.testing.SampleEditions;

class ProjectQueryTest {

  private MutableClock clock;
  private Edition edition;
  private ProjectId garden;
  private ProjectId benches;
  private ProjectId bikes;
  private ProjectId library;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2027-02-02T09:00:00Z"), SampleEditions.BRUSSELS);
    edition = new Edition(SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF), clock);
    edition
        .calendar()
        .open("submission", "staff:lea", LocalizedText.of("en", "Open."))
        .orElseThrow();
    garden =
        submit(idea("Potager collectif", "Jardin partagé au parc", 12_000, "greenery", "North"));
    benches = submit(idea("bancs", "Des bancs près de l’école", 5_000, "greenery", "Centre"));
    bikes = submit(idea("Vélos", "Arceaux pour vélos", 5_000, "mobility", "South"));
    library = submit(idea("Boîte à livres", "Échange de livres", 800, "culture", "Centre"));
  }

  private ProjectId submit(ProjectProposal proposal) {
    clock.advance(Duration.ofMinutes(1));
    return edition.submit(proposal).orElseThrow();
  }

  private static ProjectProposal idea(
      String french, String description, long cost, String theme, String district) {
    return ProjectProposal.builder()
        .title(LocalizedText.of("fr", french).with("en", "EN " + french))
        .description(LocalizedText.of("fr", description).with("nl", "NL " + description))
        .theme(theme)
        .estimatedCost(Money.of(cost, "EUR"))
        .district(district)
        .author(new Author.Resident("Amina", 34))
        .channel(new Channel.Online())
        .build();
  }

  private void openFeasibility() {
    clock.advance(Duration.ofDays(1));
    edition
        .calendar()
        .open("feasibility", "staff:lea", LocalizedText.of("en", "Review."))
        .orElseThrow();
  }

  private List<ProjectId> ids(ProjectQuery query) {
    return edition.find(query).projects().stream().map(Project::id).toList();
  }

  @Test
  void byDefaultEveryProjectInSubmissionOrder() {
    ProjectPage page = edition.find(ProjectQuery.builder().build());
    assertThat(page.projects())
        .extracting(Project::id)
        .containsExactly(garden, benches, bikes, library);
    assertThat(page.total()).isEqualTo(4);
    assertThat(page.offset()).isZero();
    assertThat(page.limit()).isEqualTo(ProjectQuery.DEFAULT_LIMIT);
  }

  @Test
  void filtersByStatusThemeAndDistrict() {
    openFeasibility();
    edition.startReview(bikes, "service:works").orElseThrow();
    assertThat(ids(ProjectQuery.builder().status(ProjectStatus.UNDER_REVIEW).build()))
        .containsExactly(bikes);
    assertThat(
            ids(
                ProjectQuery.builder()
                    .status(ProjectStatus.UNDER_REVIEW)
                    .status(ProjectStatus.SUBMITTED)
                    .theme("greenery")
                    .build()))
        .containsExactly(garden, benches);
    assertThat(ids(ProjectQuery.builder().district("Centre").build()))
        .containsExactly(benches, library);
    assertThat(ids(ProjectQuery.builder().theme("greenery").district("South").build())).isEmpty();
  }

  @Test
  void searchesTitlesAndDescriptionsInEveryLanguageIgnoringCaseAndAccents() {
    assertThat(ids(ProjectQuery.builder().search("LIVRES").build())).containsExactly(library);
    assertThat(ids(ProjectQuery.builder().search("ecole").build())).containsExactly(benches);
    assertThat(ids(ProjectQuery.builder().search("en velos").build())).containsExactly(bikes);
    assertThat(ids(ProjectQuery.builder().search("NL jardin").build())).containsExactly(garden);
    assertThat(ids(ProjectQuery.builder().search("parc livres").build())).isEmpty();
    assertThat(ids(ProjectQuery.builder().search("   ").build())).hasSize(4);
  }

  @Test
  void sortsByTitleInTheLanguageIgnoringCaseWithTiesByIdAndPages() {
    ProjectQuery.Builder byTitle =
        ProjectQuery.builder().sort(ProjectQuery.Sort.TITLE, false).language(Locale.FRENCH);
    assertThat(ids(byTitle.build())).containsExactly(benches, library, garden, bikes);
    assertThat(ids(byTitle.sort(ProjectQuery.Sort.TITLE, true).build()))
        .containsExactly(bikes, garden, library, benches);

    // Benches and bikes cost the same: the id breaks the tie, and descending reverses it too.
    assertThat(ids(ProjectQuery.builder().sort(ProjectQuery.Sort.COST, false).build()))
        .containsExactly(library, benches, bikes, garden);
    assertThat(ids(ProjectQuery.builder().sort(ProjectQuery.Sort.COST, true).build()))
        .containsExactly(garden, bikes, benches, library);

    ProjectPage second =
        edition.find(
            ProjectQuery.builder().sort(ProjectQuery.Sort.COST, false).offset(1).limit(2).build());
    assertThat(second.projects()).extracting(Project::id).containsExactly(benches, bikes);
    assertThat(second.total()).isEqualTo(4);
    assertThat(edition.find(ProjectQuery.builder().offset(9).build()).projects()).isEmpty();
  }

  @Test
  void sortsByStatusInTheOrderOfStatuses() {
    openFeasibility();
    edition.startReview(library, "service:works").orElseThrow();
    assertThat(ids(ProjectQuery.builder().sort(ProjectQuery.Sort.STATUS, false).build()))
        .containsExactly(garden, benches, bikes, library);
    assertThat(ids(ProjectQuery.builder().sort(ProjectQuery.Sort.STATUS, true).build()))
        .containsExactly(library, bikes, benches, garden);
  }

  @Test
  void refusesABadPageAndNamesTheSortKeys() {
    assertThatThrownBy(() -> ProjectQuery.builder().offset(-1).build())
        .hasMessageContaining("offset is -1");
    assertThatThrownBy(() -> ProjectQuery.builder().limit(0).build())
        .hasMessageContaining("limit is 0");
    assertThatThrownBy(() -> ProjectQuery.Sort.of("votes"))
        .hasMessageContaining("submitted, title, cost or status");
    assertThat(ProjectQuery.Sort.of("cost")).isEqualTo(ProjectQuery.Sort.COST);
  }
}

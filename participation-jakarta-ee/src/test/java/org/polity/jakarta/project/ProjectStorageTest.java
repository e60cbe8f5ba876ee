package org.polity.jakarta.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.ProjectId;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.process.ProcessStorage;
import org.polity.process.PhaseMove;
import org.polity.project.Author;
import org.polity.project.Channel;
import org.polity.project.FeasibilityCriterion;
import org.polity.project.Project;
import org.polity.project.ProjectStatus;

/**
 * The storage codecs read what the previous release stored (no {@code schemaVersion}: version 1)
 * and write version 2, which they read back unchanged.
 */
class ProjectStorageTest {

  /** A project document exactly as the previous release stored it (the staff view, no version). */
  private static final String STORED_BY_1_0 =
      """
      {"id":"pb-2027-001","processId":"pb-2027","status":"FEASIBLE",
       "title":{"fr":"Un potager collectif","en":"A community garden"},
       "description":{"fr":"Des bacs au parc."},"themes":["greenery"],
       "estimatedCost":{"amount":"12000","currency":"EUR"},
       "cost":{"amount":"13500","currency":"EUR"},
       "authors":[{"kind":"resident","name":"Jeanne","age":71},{"kind":"association","name":"Les Amis"}],
       "attachments":[{"name":"plan.pdf","mediaType":"application/pdf","sizeBytes":1200,
                       "uri":"https://example.org/plan.pdf"}],
       "channel":{"kind":"paper","encodedBy":"eric"},
       "submittedAt":"2027-03-01T10:00:00Z",
       "history":[{"from":null,"to":"SUBMITTED","at":"2027-03-01T10:00:00Z","actor":"eric",
                   "why":{"en":"Submitted on paper."}},
                  {"from":"SUBMITTED","to":"UNDER_REVIEW","at":"2027-04-01T09:00:00Z","actor":"rita",
                   "why":{"en":"Review started."}},
                  {"from":"UNDER_REVIEW","to":"FEASIBLE","at":"2027-04-02T09:00:00Z","actor":"rita",
                   "why":{"en":"Feasible; a water supply is added."}}],
       "mergedFrom":[],"location":"POINT (4.3391 50.8612)","district":"North","mergedInto":null,
       "review":{"reviewer":"rita","checklist":{"ON_TERRITORY":true,"WITHIN_COMPETENCE":true,
                 "WITHIN_MAXIMUM_COST":true,"PUBLIC_INTEREST":true,"WITHIN_THEMES":true},
                 "costEstimate":{"amount":"13500","currency":"EUR"},
                 "publicAnswer":{"en":"Feasible; a water supply is added."},"feasible":true},
       "progress":null}
      """;

  private static JsonObject json(String text) {
    try (var reader = Jsonp.JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void aProjectStoredByThePreviousReleaseIsReadAsVersionOne() {
    Project project = ProjectStorage.read(json(STORED_BY_1_0));

    assertThat(project.id()).isEqualTo(ProjectId.of("pb-2027-001"));
    assertThat(project.status()).isEqualTo(ProjectStatus.FEASIBLE);
    assertThat(project.title().original()).isEqualTo("Un potager collectif");
    assertThat(project.proposal().authors())
        .containsExactly(new Author.Resident("Jeanne", 71), new Author.Association("Les Amis"));
    assertThat(project.channel()).isEqualTo(new Channel.PaperForm("eric"));
    assertThat(project.district()).contains("North");
    assertThat(project.proposal().location()).isPresent();
    assertThat(project.history()).hasSize(3);
    assertThat(project.review().orElseThrow().checklist())
        .containsEntry(FeasibilityCriterion.ON_TERRITORY, true);
    assertThat(project.cost().amount()).isEqualByComparingTo("13500");
  }

  @Test
  void versionTwoIsWrittenAndReadBackToTheSameProject() {
    Project project = ProjectStorage.read(json(STORED_BY_1_0));
    JsonObject stored = ProjectStorage.write(project);

    assertThat(stored.getInt("schemaVersion")).isEqualTo(ProcessStorage.SCHEMA_VERSION);
    assertThat(ProjectStorage.read(stored)).isEqualTo(project);
    // The stored document keeps what the public REST view hides.
    assertThat(stored.getJsonArray("authors").getJsonObject(0).getInt("age")).isEqualTo(71);
    assertThat(ProjectDocuments.view(project, false).build().getJsonArray("authors"))
        .allSatisfy(a -> assertThat(a.asJsonObject()).doesNotContainKey("age"));
  }

  @Test
  void aNewerSchemaVersionIsRefusedWithAnExplanation() {
    JsonObject future =
        Jsonp.JSON.createObjectBuilder(json(STORED_BY_1_0)).add("schemaVersion", 99).build();
    assertThatThrownBy(() -> ProjectStorage.read(future))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schemaVersion 99")
        .hasMessageContaining("reads 1 to 2");
  }

  @Test
  void aProcessStoredByThePreviousReleaseHasProjectsWhateverItsKind() {
    String definition =
        """
        {"title": {"en": "Mini"}, "kind": "CONSULTATION", "zone": "UTC", "template": "shared-budget",
         "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100", "currency": "EUR"}}}
        """;
    ProcessStorage.StoredDefinition old = ProcessStorage.readDefinition(definition);
    assertThat(old.schemaVersion()).isEqualTo(1);
    assertThat(old.projects()).isTrue();
    assertThat(old.definition()).isEqualTo(json(definition));

    ProcessStorage.StoredDefinition written =
        ProcessStorage.readDefinition(ProcessStorage.writeDefinition(json(definition), false));
    assertThat(written.schemaVersion()).isEqualTo(2);
    assertThat(written.projects()).isFalse();
    assertThat(written.definition()).isEqualTo(json(definition));
  }

  @Test
  void phaseMovesStoredAsAnArrayByThePreviousReleaseAreRead() {
    String stored =
        """
        [{"from":null,"to":"information","at":"2027-01-01T00:00:00Z","actor":"calendar",
          "why":{"en":"The date came."},"trigger":"DATES"},
         {"from":"information","to":"submission","at":"2027-02-01T00:00:00Z","actor":"ada",
          "why":{"en":"Open."},"trigger":"STAFF"}]
        """;
    List<PhaseMove> moves = ProcessStorage.readMoves(stored);
    assertThat(moves).extracting(PhaseMove::to).containsExactly("information", "submission");
    assertThat(moves.get(1).at()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
    assertThat(moves.get(1).why()).isEqualTo(LocalizedText.of("en", "Open."));

    String written = ProcessStorage.writeMoves(moves);
    assertThat(json(written).getInt("schemaVersion")).isEqualTo(2);
    assertThat(ProcessStorage.readMoves(written)).isEqualTo(moves);
  }
}

package org.polity.jakarta.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.config.ClockProducer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.eligibility.EligibilityService;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.ProcessStore;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.results.ResultsService;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.voting.VotingProducer;
import org.polity.sortition.Pool;
import org.polity.sortition.SortitionCsv;

/**
 * The pool of an assembly through its service, in an Arquillian deployment on the Weld embedded
 * container with a real H2 database (migration V9 run by Flyway): declaring the features, online
 * and desk registrations under the process's BE_DRAWN rule, one per person, and the people file
 * that {@code polity sortition} reads.
 */
@ExtendWith(ArquillianExtension.class)
class PoolServiceTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:pool-service;DB_CLOSE_DELAY=-1");
  }

  @Deployment
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(
            org.polity.jakarta.Capabilities.class,
            org.polity.jakarta.voting.VotingCapability.class,
            org.polity.jakarta.process.ProcessCapability.class,
            org.polity.jakarta.project.ProjectCapability.class,
            org.polity.jakarta.results.ResultsCapability.class,
            org.polity.jakarta.cartography.CartographyCapability.class,
            org.polity.jakarta.eligibility.EligibilityCapability.class,
            AssemblyCapability.class,
            SettingsProducer.class,
            PolitySettings.class,
            PolityDatabase.class,
            VotingProducer.class,
            ClockProducer.class,
            Processes.class,
            ProcessStore.class,
            Plugins.class,
            EligibilityService.class,
            ProcessService.class,
            ResultsService.class,
            PoolStore.class,
            PoolService.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject ProcessService processes;
  @Inject PoolService pools;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  private static Caller caller(String name, PolityRole... roles) {
    Principal principal = () -> name;
    return Caller.of(principal, Set.of(roles));
  }

  private static final Caller ADA = caller("ada", PolityRole.ADMINISTRATOR);
  private static final Caller JEANNE = caller("jeanne", PolityRole.PARTICIPANT);
  private static final Caller OMAR = caller("omar", PolityRole.PARTICIPANT);
  private static final Caller ERIC = caller("eric", PolityRole.ENCODER, PolityRole.STAFF);
  private static final LocalizedText WHY = LocalizedText.of("en", "Registrations open.");

  private static JsonObject json(String text) {
    try (var reader = Jsonp.JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private ProcessId assembly(String beDrawn) {
    ProcessId id = ProcessId.of("assembly-" + Long.toHexString(System.nanoTime()));
    String definition =
        """
        {"title": {"en": "Climate assembly"}, "kind": "CITIZENS_ASSEMBLY",
         "zone": "Europe/Brussels", "progression": "BY_STAFF",
         "phases": [{"id": "information", "kind": "INFORMATION", "actions": []},
                    {"id": "registration", "kind": "INFORMATION", "actions": ["BE_DRAWN"]},
                    {"id": "deliberation", "kind": "DELIBERATION", "actions": []}],
         "territory": {"code": "X", "name": {"en": "X"}, "districts": ["North", "South"]},
         "rules": {"envelope": {"amount": "1", "currency": "EUR"}},
         "eligibility": {"BE_DRAWN": %s}}
        """
            .formatted(beDrawn);
    processes.declare(ADA, id, json(definition)).orElseThrow();
    return id;
  }

  private static final JsonObject FEATURES =
      json(
          """
          {"features": [
            {"name": "gender", "label": {"en": "Gender", "fr": "Genre", "nl": "Gender"},
             "values": [{"id": "female", "label": {"en": "Female", "fr": "Femme", "nl": "Vrouw"}},
                        {"id": "male", "label": {"en": "Male", "fr": "Homme", "nl": "Man"}},
                        {"id": "other", "label": {"en": "Other", "fr": "Autre", "nl": "Ander"}}]},
            {"name": "district", "label": {"en": "District", "fr": "Quartier", "nl": "Wijk"},
             "values": [{"id": "north", "label": {"en": "North"}},
                        {"id": "south", "label": {"en": "South"}}]}]}
          """);

  private static Refusal refusal(Result<?> result) {
    return result.refusal().orElseThrow();
  }

  @Test
  void residentsVolunteerOnceAndStaffExportThePeopleFileThatSortitionReads() throws Exception {
    ProcessId id = assembly("{\"everyone\": {}}");
    PoolDeclaration declaration = PoolJson.declaration(FEATURES);

    assertThat(refusal(pools.declaration(id)).code()).isEqualTo("pool-not-declared");
    assertThat(refusal(pools.declare(JEANNE, id, declaration)).kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    var declared = pools.declare(ERIC, id, declaration).orElseThrow();
    assertThat(declared.version()).isEqualTo(1);
    assertThat(pools.declaration(id).orElseThrow().declaration()).isEqualTo(declaration);

    Map<String, String> answers = Map.of("gender", "female", "district", "north");
    Refusal closed = refusal(pools.register(JEANNE, id, answers, Locale.ENGLISH));
    assertThat(closed.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    processes.move(ADA, id, Optional.of("registration"), WHY).orElseThrow();

    Refusal badAnswers =
        refusal(
            pools.register(
                JEANNE, id, Map.of("gender", "unknown", "shoe_size", "42"), Locale.FRENCH));
    assertThat(badAnswers.kind()).isEqualTo(Refusal.Kind.INVALID);
    assertThat(badAnswers.code()).isEqualTo("invalid-pool-answers");
    assertThat(badAnswers.extensions().getJsonArray("fields").getValuesAs(v -> v.toString()))
        .containsExactly("\"gender\"", "\"district\"", "\"shoe_size\"");
    assertThat(badAnswers.detail(Locale.FRENCH))
        .contains("« unknown » n’est pas une réponse à « Genre »")
        .contains("Quartier");

    PoolRegistration jeanne = pools.register(JEANNE, id, answers, Locale.ENGLISH).orElseThrow();
    assertThat(jeanne.channel()).isEqualTo(PoolRegistration.Channel.ONLINE);
    assertThat(jeanne.encodedBy()).isEmpty();
    assertThat(jeanne.respondentId()).startsWith("r-").doesNotContain("jeanne");
    assertThat(pools.registration(JEANNE, id).orElseThrow()).contains(jeanne);
    assertThat(pools.registration(OMAR, id).orElseThrow()).isEmpty();

    Refusal twice =
        refusal(pools.register(JEANNE, id, Map.of("gender", "other", "district", "south"), null));
    assertThat(twice.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(twice.code()).isEqualTo("already-registered");
    assertThat(twice.detail(Locale.forLanguageTag("nl"))).contains("één keer");

    PoolRegistration omar =
        pools
            .register(OMAR, id, Map.of("gender", "male", "district", "south"), Locale.ENGLISH)
            .orElseThrow();

    Refusal changed =
        refusal(
            pools.declare(ERIC, id, new PoolDeclaration(List.of(declaration.features().get(0)))));
    assertThat(changed.code()).isEqualTo("pool-has-registrations");

    assertThat(refusal(pools.pool(OMAR, id)).kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    PoolService.Export export = pools.pool(ERIC, id).orElseThrow();
    assertThat(export.registrations()).containsExactly(jeanne, omar);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export.write(out);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("id,gender,district,channel,encoded_by\r\n");
    assertThat(csv).doesNotContain("jeanne").doesNotContain("omar");
    Path file = Files.createTempFile("pool", ".csv");
    try {
      Files.writeString(file, csv);
      Pool read = SortitionCsv.readPeople(file, "id");
      assertThat(read.size()).isEqualTo(2);
      assertThat(read.find(jeanne.respondentId()).orElseThrow().value("gender"))
          .isEqualTo("female");
      assertThat(read.find(omar.respondentId()).orElseThrow().value("district")).isEqualTo("south");
    } finally {
      Files.delete(file);
    }

    assertThat(pools.withdraw(OMAR, id).orElseThrow()).isEqualTo(omar);
    assertThat(refusal(pools.withdraw(OMAR, id)).code()).isEqualTo("not-registered");
    assertThat(pools.pool(ERIC, id).orElseThrow().registrations()).containsExactly(jeanne);
  }

  @Test
  void theBeDrawnRuleRefusesWithReasonsAndTheDeskRecordsItsEncoder() {
    ProcessId id = assembly("{\"minimumAge\": {\"years\": 16}}");
    pools.declare(ADA, id, PoolJson.declaration(FEATURES)).orElseThrow();
    processes.move(ADA, id, Optional.of("registration"), WHY).orElseThrow();
    Map<String, String> answers = Map.of("gender", "female", "district", "south");

    Refusal unresolved = refusal(pools.register(JEANNE, id, answers, Locale.ENGLISH));
    assertThat(unresolved.code()).isIn("eligibility-unresolved", "not-eligible");
    assertThat(unresolved.extensions().getJsonArray("reasons")).isNotEmpty();

    Refusal notEncoder =
        refusal(
            pools.encode(JEANNE, id, "85.07.30-033.61", DeskAttestation.nothing(), answers, null));
    assertThat(notEncoder.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);

    DeskAttestation child =
        new DeskAttestation(
            DeskAttestation.Document.IDENTITY_CARD,
            Optional.of(LocalDate.now().minusYears(12)),
            Optional.empty(),
            Optional.empty());
    Refusal young =
        refusal(pools.encode(ERIC, id, "resident-young", child, answers, Locale.FRENCH));
    assertThat(young.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(young.code()).isEqualTo("not-eligible");
    assertThat(young.extensions().getJsonArray("reasons")).isNotEmpty();

    DeskAttestation adult =
        new DeskAttestation(
            DeskAttestation.Document.IDENTITY_CARD,
            Optional.of(LocalDate.of(1980, 5, 1)),
            Optional.empty(),
            Optional.empty());
    PoolRegistration desk =
        pools.encode(ERIC, id, "resident-adult", adult, answers, Locale.ENGLISH).orElseThrow();
    assertThat(desk.channel()).isEqualTo(PoolRegistration.Channel.DESK);
    assertThat(desk.encodedBy()).contains("eric");
    assertThat(desk.respondent().value("encoded_by")).isEqualTo("eric");

    Refusal again =
        refusal(pools.encode(ERIC, id, "resident-adult", adult, answers, Locale.ENGLISH));
    assertThat(again.code()).isEqualTo("already-registered");
    assertThat(pools.pool(ERIC, id).orElseThrow().registrations()).containsExactly(desk);
  }

  @Test
  void aMalformedDeclarationNamesItsMembers() {
    InvalidInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class,
            () ->
                PoolJson.declaration(
                    json(
                        """
                        {"features": [{"name": "Gender", "label": {"en": "Gender"},
                                       "values": [{"id": "f", "label": {"en": "F"}},
                                                  {"id": "m", "label": {"en": "M"}}]},
                                      {"name": "district", "label": {"en": "District"},
                                       "values": [{"id": "north", "label": {"en": "North"}}]}]}
                        """)));
    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("features[0]", "features[1]");
  }
}

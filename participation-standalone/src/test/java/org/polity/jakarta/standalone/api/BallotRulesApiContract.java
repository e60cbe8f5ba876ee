package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.BallotProcess;

/**
 * Every rule on every channel (issue 12), through the REST API on a real server and database, as
 * the new user who found the defects used it: a city-wide budget and a district budget, age 10 and
 * more, online and paper ballots. Each test is a finding of that trial; subclasses choose the
 * database.
 */
abstract class BallotRulesApiContract extends DevelopmentServerContract {

  /** A reply: status and body. */
  record Reply(int status, String body) {
    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    List<String> errorCodes() {
      return json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
          .map(e -> e.getString("code"))
          .toList();
    }
  }

  static Reply send(
      String method, String path, String body, String user, String roles, String... headers) {
    Map<String, String> more = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      more.put(headers[i], headers[i + 1]);
    }
    Api.Reply reply = api.send(method, path, body, user, roles, more);
    return new Reply(reply.status(), reply.body());
  }

  static final String ADULT = LocalDate.now().minusYears(30).toString();

  /** The trial's edition: city-wide 200,000 EUR and the Centre district 100,000 EUR, age 10+. */
  record Edition(BallotProcess process, String city, String centre) {
    String project(int i) {
      return process.projects().get(i);
    }
  }

  /**
   * Projects: 0 city 120,000; 1 city 97,000; 2 Centre 50,000; 3 city 30,000, refused at validation
   * (never on the ballot); 4 city 20,000.
   */
  static Edition edition(String name) {
    String unique = name + "-" + Long.toHexString(System.nanoTime());
    String city = "city-" + unique;
    String centre = "centre-" + unique;
    BallotProcess process =
        BallotProcess.create(
            server.uri(),
            unique,
            List.of(city, centre),
            300_000,
            List.of(120_000L, 97_000L, 50_000L, 30_000L, 20_000L),
            Arrays.asList(null, null, "Centre", null, null),
            """
            {"budgets": {"%s": {"envelope": {"amount": "200000", "currency": "EUR"}},
                         "%s": {"district": "Centre", "envelope": {"amount": "100000", "currency": "EUR"}}}}
            """
                .formatted(city, centre),
            "{\"minimumAge\": {\"years\": 10}}",
            Set.of(3));
    return new Edition(process, city, centre);
  }

  static Reply declare(String budget, String extra) {
    return send(
        "PUT",
        "api/v1/budgets/" + budget + "/vote",
        "{\"opensAt\":\""
            + Instant.now().minusSeconds(3600)
            + "\",\"closesAt\":\""
            + Instant.now().plusSeconds(86_400)
            + "\""
            + extra
            + "}",
        "ada",
        "administrator");
  }

  static String approval(String... projects) {
    StringBuilder json = new StringBuilder("{\"kind\":\"approval\",\"projects\":[");
    for (int i = 0; i < projects.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(projects[i]).append('"');
    }
    return json.append("]}").toString();
  }

  static Reply cast(String budget, String voter, String ballot, String... headers) {
    String[] all = Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "X-Polity-Dev-Birth-Date";
    all[headers.length + 1] = ADULT;
    return send("POST", "api/v1/budgets/" + budget + "/ballots", ballot, voter, "participant", all);
  }

  static Reply encode(String budget, String identifier, String ballot, String attestation) {
    return send(
        "POST",
        "api/v1/budgets/" + budget + "/paper-ballots",
        "{\"identifier\":\""
            + identifier
            + "\",\"ballot\":"
            + ballot
            + (attestation == null ? "" : ",\"attestation\":" + attestation)
            + "}",
        "eve",
        "encoder");
  }

  static long turnout(String budget) {
    Reply turnout = send("GET", "api/v1/budgets/" + budget + "/turnout", null, "rita", "staff");
    assertThat(turnout.status()).as(turnout.body()).isEqualTo(200);
    return turnout.json().getJsonNumber("total").longValue();
  }

  @Test
  void theBallotFormIsStatedWithTheVoteShownAndAppliedWithEveryReasonOnEveryChannel() {
    Edition edition = edition("form");
    Reply declared = declare(edition.city(), "");
    assertThat(declared.status()).as(declared.body()).isEqualTo(200);
    JsonObject form = declared.json().getJsonObject("form");
    assertThat(form.getString("kind")).isEqualTo("approval");
    assertThat(form.getInt("minProjects")).isEqualTo(1);
    assertThat(form.getJsonObject("maxCost").getString("amount")).isEqualTo("200000");
    assertThat(
            send("GET", "api/v1/budgets/" + edition.city() + "/vote", null, null, null)
                .json()
                .getJsonObject("form"))
        .isEqualTo(form);

    // A basket of 217,000 EUR on a 200,000 EUR budget.
    Reply over = cast(edition.city(), "v1", approval(edition.project(0), edition.project(1)));
    assertThat(over.status()).as(over.body()).isEqualTo(422);
    assertThat(over.json().getString("type")).endsWith("/invalid-ballot");
    assertThat(over.errorCodes()).containsExactly("ballot.overBasket");
    assertThat(over.json().getString("detail")).contains("217,000").contains("200,000");
    // A project that does not exist, a district project, a project refused at validation.
    for (String project : List.of("no-such-project", edition.project(2), edition.project(3))) {
      Reply unknown = cast(edition.city(), "v1", approval(project));
      assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
      assertThat(unknown.errorCodes()).containsExactly("ballot.unknownProject");
    }
    Reply empty = cast(edition.city(), "v1", approval());
    assertThat(empty.errorCodes()).containsExactly("ballot.tooFewProjects");
    Reply cumulative =
        cast(
            edition.city(),
            "v1",
            "{\"kind\":\"cumulative\",\"points\":{\"" + edition.project(0) + "\":3}}");
    assertThat(cumulative.errorCodes()).containsExactly("ballot.wrongKind");
    // Every reason at once, in the reader's language.
    Reply both =
        cast(
            edition.city(),
            "v1",
            approval(edition.project(0), edition.project(1), "no-such-project"),
            "Accept-Language",
            "fr");
    assertThat(both.status()).isEqualTo(422);
    assertThat(both.errorCodes())
        .containsExactlyInAnyOrder("ballot.unknownProject", "ballot.overBasket");
    assertThat(both.json().getString("detail")).contains("n’est pas valable");
    Reply dutch = cast(edition.city(), "v1", approval(), "Accept-Language", "nl");
    assertThat(dutch.json().getString("detail")).contains("niet geldig");
    // Paper ballots keep to the same form.
    Reply paper =
        encode(
            edition.city(),
            "resident-paper-1",
            approval(edition.project(0), edition.project(1)),
            "{\"document\":\"identity-card\",\"birthDate\":\"" + ADULT + "\"}");
    assertThat(paper.status()).as(paper.body()).isEqualTo(422);
    assertThat(paper.errorCodes()).containsExactly("ballot.overBasket");
    assertThat(turnout(edition.city())).isZero();

    Reply valid = cast(edition.city(), "v1", approval(edition.project(0), edition.project(4)));
    assertThat(valid.status()).as(valid.body()).isEqualTo(201);
    assertThat(turnout(edition.city())).isEqualTo(1);
    // The form cannot change after the first ballot.
    Reply changed = declare(edition.city(), ",\"form\":{\"maxProjects\":1}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(409);
    assertThat(changed.json().getString("type")).endsWith("/vote-already-declared");
    // The staff CSV of the edition still answers.
    Reply csv =
        send(
            "GET",
            "api/v1/processes/" + edition.process().process() + "/projects.csv",
            null,
            "rita",
            "staff");
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);

    // A ballot that could only come from a defect (written straight into the table, past the
    // form): the summary says what is wrong, with an incident number, never a bare 500.
    server
        .bean(PolityDatabase.class)
        .inTransaction(
            em ->
                em.createNativeQuery(
                        "INSERT INTO polity_ballot (id, budget_id, slot, receipt_hash, kind,"
                            + " contents) VALUES (?1, ?2, ?3, ?4, 'approval',"
                            + " '{\"kind\":\"approval\",\"projects\":[\"ghost-project\"]}')")
                    .setParameter(1, java.util.UUID.randomUUID().toString())
                    .setParameter(2, edition.city())
                    .setParameter(3, "defect-" + System.nanoTime())
                    .setParameter(4, Long.toHexString(System.nanoTime()) + "defect")
                    .executeUpdate());
    Reply broken =
        send(
            "GET",
            "api/v1/processes/" + edition.process().process() + "/projects.csv",
            null,
            "rita",
            "staff",
            "Accept-Language",
            "fr");
    assertThat(broken.status()).as(broken.body()).isEqualTo(409);
    assertThat(broken.json().getString("type")).endsWith("/export-inconsistent");
    assertThat(broken.json().getString("detail")).contains("ghost-project").contains("incident");
    assertThat(broken.json().getString("incident")).hasSize(36);
  }

  @Test
  void aFormStatesPointsOrARankingAndADistrictBudgetTakesOnlyItsProjects() {
    Edition edition = edition("kinds");
    Reply declared =
        declare(
            edition.centre(),
            ",\"form\":{\"kind\":\"cumulative\",\"pointsToSpread\":5,\"maxPointsPerProject\":3}");
    assertThat(declared.status()).as(declared.body()).isEqualTo(200);
    assertThat(declared.json().getJsonObject("form").getInt("pointsToSpread")).isEqualTo(5);
    Reply tooMany =
        cast(
            edition.centre(),
            "c1",
            "{\"kind\":\"cumulative\",\"points\":{\"" + edition.project(2) + "\":4}}");
    assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(422);
    assertThat(tooMany.errorCodes()).containsExactly("ballot.pointsPerProject");
    Reply cityProject =
        cast(
            edition.centre(),
            "c1",
            "{\"kind\":\"cumulative\",\"points\":{\"" + edition.project(0) + "\":1}}");
    assertThat(cityProject.errorCodes()).containsExactly("ballot.unknownProject");
    Reply ok =
        cast(
            edition.centre(),
            "c1",
            "{\"kind\":\"cumulative\",\"points\":{\"" + edition.project(2) + "\":3}}");
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);

    Reply badForm =
        declare(
            edition.city(),
            ",\"form\":{\"kind\":\"plurality\",\"minProjects\":-1,\"colour\":\"red\"}");
    assertThat(badForm.status()).as(badForm.body()).isEqualTo(400);
    assertThat(badForm.body())
        .contains("form.kind")
        .contains("form.minProjects")
        .contains("form.colour");
  }

  @Test
  void paperBallotsApplyTheEligibilityRuleToWhatTheEncoderAttestsAndKeepOnlyItsKinds() {
    Edition edition = edition("desk");
    assertThat(declare(edition.city(), "").status()).isEqualTo(200);
    String ballot = approval(edition.project(4));
    Reply nineYearsOld =
        encode(
            edition.city(),
            "resident-9",
            ballot,
            "{\"document\":\"identity-card\",\"birthDate\":\""
                + LocalDate.now().minusYears(9)
                + "\"}");
    assertThat(nineYearsOld.status()).as(nineYearsOld.body()).isEqualTo(403);
    assertThat(nineYearsOld.json().getString("type")).endsWith("/not-eligible");
    Reply nothingChecked = encode(edition.city(), "resident-9", ballot, null);
    assertThat(nothingChecked.status()).as(nothingChecked.body()).isEqualTo(422);
    assertThat(nothingChecked.json().getString("type")).endsWith("/eligibility-unresolved");
    Reply band =
        encode(
            edition.city(),
            "resident-band",
            ballot,
            "{\"document\":\"passport\",\"ageBand\":{\"from\":18}}");
    assertThat(band.status()).as(band.body()).isEqualTo(201);
    LocalDate birth = LocalDate.now().minusYears(40);
    Reply adult =
        encode(
            edition.city(),
            "resident-40",
            ballot,
            "{\"document\":\"identity-card\",\"birthDate\":\"" + birth + "\"}");
    assertThat(adult.status()).as(adult.body()).isEqualTo(201);
    Reply badAttestation =
        encode(
            edition.city(),
            "resident-41",
            ballot,
            "{\"document\":\"library-card\",\"birthDate\":\"yesterday\"}");
    assertThat(badAttestation.status()).as(badAttestation.body()).isEqualTo(400);
    assertThat(badAttestation.body())
        .contains("attestation.document")
        .contains("attestation.birthDate");

    // A resident who voted online is only said to have voted (issue 13): never how.
    assertThat(cast(edition.city(), "dual-voter", ballot).status()).isEqualTo(201);
    for (String language : List.of("en", "fr", "nl")) {
      Reply twice =
          send(
              "POST",
              "api/v1/budgets/" + edition.city() + "/paper-ballots",
              "{\"identifier\":\"dual-voter\",\"ballot\":"
                  + ballot
                  + ",\"attestation\":{\"document\":\"passport\",\"birthDate\":\""
                  + ADULT
                  + "\"}}",
              "eve",
              "encoder",
              "Accept-Language",
              language);
      assertThat(twice.status()).as(twice.body()).isEqualTo(409);
      assertThat(twice.json().getString("type")).endsWith("/already-voted");
      assertThat(twice.json().getString("detail").toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("online")
          .doesNotContain("ligne")
          .doesNotContain("(");
    }

    List<List<String>> kept =
        server
            .bean(PolityDatabase.class)
            .inTransaction(
                em ->
                    ((List<?>)
                            em.createNativeQuery(
                                    "SELECT document_type, age_basis, residence_basis, encoder"
                                        + " FROM polity_desk_attestation WHERE budget_id = ?1"
                                        + " ORDER BY document_type")
                                .setParameter(1, edition.city())
                                .getResultList())
                        .stream()
                            .map(row -> Arrays.stream((Object[]) row).map(String::valueOf).toList())
                            .toList());
    assertThat(kept)
        .containsExactly(
            List.of("identity-card", "birth-date", "none", "eve"),
            List.of("passport", "age-band", "none", "eve"));
    assertThat(kept.toString()).doesNotContain(birth.toString()).doesNotContain("resident-40");
  }

  @Test
  void ballotsFollowTheProcessAndStaffMayCloseEarlyOrExtendWithAReason() {
    Edition edition = edition("phase");
    assertThat(declare(edition.city(), "").status()).isEqualTo(200);
    String ballot = approval(edition.project(4));

    Reply closed =
        send(
            "POST",
            "api/v1/budgets/" + edition.city() + "/vote/close",
            "{\"reason\":\"Decided by the council.\"}",
            "ada",
            "administrator");
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().getJsonArray("changes").getJsonObject(0).getString("kind"))
        .isEqualTo("closed-early");
    Reply late = cast(edition.city(), "p1", ballot, "Accept-Language", "fr");
    assertThat(late.status()).as(late.body()).isEqualTo(409);
    assertThat(late.json().getString("type")).endsWith("/vote-closed");

    Reply noReason =
        send(
            "POST",
            "api/v1/budgets/" + edition.city() + "/vote/extend",
            "{\"closesAt\":\"" + Instant.now().plusSeconds(7200) + "\"}",
            "ada",
            "administrator");
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    Reply notStaff =
        send(
            "POST",
            "api/v1/budgets/" + edition.city() + "/vote/extend",
            "{\"closesAt\":\"" + Instant.now().plusSeconds(7200) + "\",\"reason\":\"x\"}",
            "mallory",
            "participant");
    assertThat(notStaff.status()).isEqualTo(403);
    Reply extended =
        send(
            "POST",
            "api/v1/budgets/" + edition.city() + "/vote/extend",
            "{\"closesAt\":\""
                + Instant.now().plusSeconds(7200)
                + "\",\"reason\":\"The portal was down.\"}",
            "ada",
            "administrator");
    assertThat(extended.status()).as(extended.body()).isEqualTo(200);
    assertThat(cast(edition.city(), "p1", ballot).status()).isEqualTo(201);
    JsonObject vote =
        send("GET", "api/v1/budgets/" + edition.city() + "/vote", null, null, null).json();
    assertThat(vote.getJsonArray("changes").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("reason"), c -> c.getString("kind"), c -> c.getString("by"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Decided by the council.", "closed-early", "administrator"),
            org.assertj.core.groups.Tuple.tuple(
                "The portal was down.", "extended", "administrator"));
    assertThat(vote.toString()).doesNotContain("\"ada\"");

    // After the vote phase, no channel accepts a ballot, and the refusal is no Java toString.
    BallotProcess.move(server.uri(), edition.process().process(), "proclamation");
    Reply afterPhase = cast(edition.city(), "p2", ballot);
    assertThat(afterPhase.status()).as(afterPhase.body()).isEqualTo(409);
    assertThat(afterPhase.json().getString("type")).endsWith("/vote-phase-not-open");
    assertThat(afterPhase.json().getString("detail")).contains("proclamation");
    Reply paperAfterPhase =
        encode(
            edition.city(),
            "resident-late",
            ballot,
            "{\"document\":\"identity-card\",\"birthDate\":\"" + ADULT + "\"}");
    assertThat(paperAfterPhase.status()).as(paperAfterPhase.body()).isEqualTo(409);
    Reply redeclared = declare(edition.city(), ",\"form\":{\"maxProjects\":1}");
    assertThat(redeclared.status()).isEqualTo(409);
    assertThat(redeclared.json().getString("detail")).doesNotContain("VoteSettings[");
    assertThat(JsonValue.ValueType.OBJECT).isNotNull();
  }
}

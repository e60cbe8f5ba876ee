package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.standalone.testing.Api.Reply;

/**
 * Problem documents speak the reader's language through the REST API on a real server and database
 * (subclasses choose the database): the title and detail of refusals (already voted, vote closed,
 * not found), of invalid input, of Jakarta REST's own answers (401, 403, unknown address) follow
 * {@code Accept-Language} with its q-values, and a body with several bad members is answered once
 * with every one of them in {@code errors}.
 */
abstract class ProblemLanguagesApiContract extends DevelopmentServerContract {

  private static Reply send(
      String language, String method, String path, String body, String user, String roles) {
    return api.send(method, path, body, user, roles, Map.of("Accept-Language", language));
  }

  private static String budget(String name) {
    return name + "-" + Long.toHexString(System.nanoTime());
  }

  private static String declare(Instant opens, Instant closes, boolean changesAllowed) {
    String budget = budget("lang");
    Reply reply =
        api.send(
            "PUT",
            "api/v1/budgets/" + budget + "/vote",
            "{\"opensAt\":\""
                + opens
                + "\",\"closesAt\":\""
                + closes
                + "\",\"changesAllowed\":"
                + changesAllowed
                + ",\"secondEncoderRequired\":false}",
            "ada",
            "administrator");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return budget;
  }

  private static Reply cast(String language, String budget, String user) {
    return send(
        language,
        "POST",
        "api/v1/budgets/" + budget + "/ballots",
        "{\"kind\":\"approval\",\"projects\":[\"p1\"]}",
        user,
        "participant");
  }

  private static JsonObject problem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    return reply.json();
  }

  private static Map<String, String> errors(JsonObject problem) {
    Map<String, String> errors = new HashMap<>();
    for (JsonObject error : problem.getJsonArray("errors").getValuesAs(JsonObject.class)) {
      errors.put(error.getString("field"), error.getString("detail"));
      assertThat(error.getString("message")).isEqualTo(error.getString("detail"));
    }
    return errors;
  }

  @Test
  void alreadyVotedInFrenchAndDutch() {
    String budget =
        declare(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86400), false);
    assertThat(cast("fr", budget, "amelie").status()).isEqualTo(201);
    JsonObject fr = problem(cast("fr", budget, "amelie"), 409);
    assertThat(fr.getString("type")).isEqualTo("https://polity.org/problems/already-voted");
    assertThat(fr.getString("title")).isEqualTo("Vous avez déjà voté");
    assertThat(fr.getString("detail"))
        .startsWith("Un bulletin de ce participant est déjà compté pour le budget " + budget);
    JsonObject nl = problem(cast("nl-BE, fr;q=0.5", budget, "amelie"), 409);
    assertThat(nl.getString("title")).isEqualTo("U hebt al gestemd");
    assertThat(nl.getString("detail"))
        .startsWith("Een stembiljet van deze deelnemer is al geteld voor budget " + budget);
    JsonObject en = problem(cast("de", budget, "amelie"), 409);
    assertThat(en.getString("title")).isEqualTo("Already voted");
  }

  @Test
  void qValuesChooseTheLanguage() {
    String budget =
        declare(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86400), false);
    assertThat(cast("en", budget, "bert").status()).isEqualTo(201);
    JsonObject nl = problem(cast("en;q=0.3, fr;q=0.5, nl;q=0.9", budget, "bert"), 409);
    assertThat(nl.getString("title")).isEqualTo("U hebt al gestemd");
  }

  @Test
  void voteClosedInFrenchAndDutch() {
    String budget =
        declare(Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600), false);
    JsonObject fr = problem(cast("fr", budget, "claire"), 409);
    assertThat(fr.getString("type")).isEqualTo("https://polity.org/problems/vote-closed");
    assertThat(fr.getString("title")).isEqualTo("Le vote est clos");
    assertThat(fr.getString("detail")).startsWith("Le vote sur le budget " + budget + " est clos");
    JsonObject nl = problem(cast("nl", budget, "claire"), 409);
    assertThat(nl.getString("title")).isEqualTo("De stemming is gesloten");
    assertThat(nl.getString("detail"))
        .startsWith("De stemming over budget " + budget + " is gesloten");
  }

  @Test
  void notFoundInFrenchAndDutch() {
    JsonObject fr = problem(send("fr", "GET", "api/v1/news/no-such-item", null, null, null), 404);
    assertThat(fr.getString("type")).isEqualTo("https://polity.org/problems/not-found");
    assertThat(fr.getString("title")).isEqualTo("Introuvable");
    assertThat(fr.getString("detail")).startsWith("Il n’y a pas d’actualité no-such-item");
    JsonObject nl = problem(send("nl", "GET", "api/v1/news/no-such-item", null, null, null), 404);
    assertThat(nl.getString("title")).isEqualTo("Niet gevonden");
    assertThat(nl.getString("detail")).startsWith("Er is geen nieuwsbericht no-such-item");
  }

  @Test
  void unknownAddressAndMethodInFrenchAndDutch() {
    JsonObject fr = problem(send("fr", "GET", "api/v1/nothing-here", null, null, null), 404);
    assertThat(fr.getString("title")).isEqualTo("Introuvable");
    assertThat(fr.getString("detail")).isEqualTo("Il n’existe rien à cette adresse.");
    JsonObject nl = problem(send("nl", "GET", "api/v1/nothing-here", null, null, null), 404);
    assertThat(nl.getString("title")).isEqualTo("Niet gevonden");
    assertThat(nl.getString("detail")).isEqualTo("Op dit adres bestaat niets.");
    JsonObject method = problem(send("fr", "DELETE", "api/v1/me", null, null, null), 405);
    assertThat(method.getString("title")).isEqualTo("Méthode non autorisée");
    assertThat(method.getString("detail")).isEqualTo("Cette adresse n’accepte pas cette méthode.");
  }

  @Test
  void signInRequiredAndNotAllowedInFrenchAndDutch() {
    String item = "{\"title\": {\"fr\": \"Titre\"}, \"text\": {\"fr\": \"Texte.\"}}";
    JsonObject anonymous = problem(send("fr", "POST", "api/v1/news", item, null, null), 401);
    assertThat(anonymous.getString("title")).isEqualTo("Connexion requise");
    assertThat(anonymous.getString("detail")).isEqualTo("Connectez-vous pour faire ceci.");
    JsonObject participant =
        problem(send("nl", "POST", "api/v1/news", item, "dirk", "participant"), 403);
    assertThat(participant.getString("title")).isEqualTo("Niet toegestaan");
    assertThat(participant.getString("detail")).isEqualTo("Uw rollen laten dit niet toe.");
  }

  @Test
  void aNewsDraftWithThreeBadMembersIsAnsweredOnceInFrench() {
    JsonObject fr =
        problem(
            send(
                "fr",
                "POST",
                "api/v1/news",
                "{\"title\": \"Titre\", \"text\": {}, \"publishedAt\": \"hier\"}",
                "ada",
                "administrator"),
            400);
    assertThat(fr.getString("type")).isEqualTo("https://polity.org/problems/invalid-input");
    assertThat(fr.getString("title")).isEqualTo("La demande n’est pas valable");
    assertThat(fr.getString("detail"))
        .isEqualTo("Certains champs ne sont pas valables (3) : voir errors.");
    Map<String, String> errors = errors(fr);
    assertThat(errors).containsOnlyKeys("title", "text", "publishedAt");
    assertThat(errors.get("title"))
        .isEqualTo(
            "Donnez title sous la forme {\"fr\": ..., \"nl\": ..., \"en\": ...}, dans au moins"
                + " une langue.");
    assertThat(errors.get("publishedAt"))
        .startsWith("Donnez publishedAt comme un instant ISO 8601");
    assertThat(fr.getString("field")).isIn(List.copyOf(errors.keySet()));
  }

  @Test
  void aProjectProposalWithThreeBadMembersIsAnsweredOnceInDutch() {
    JsonObject nl =
        problem(
            send(
                "nl",
                "POST",
                "api/v1/processes/pb-2026/projects",
                "{\"title\": \"Een bank\", \"description\": {\"nl\": \"Een bank in het park.\"},"
                    + " \"estimatedCost\": \"veel\", \"authors\": []}",
                "eva",
                "participant"),
            400);
    assertThat(nl.getString("title")).isEqualTo("Het verzoek is niet geldig");
    assertThat(nl.getString("detail"))
        .isEqualTo("Sommige velden zijn niet geldig (3): zie errors.");
    Map<String, String> errors = errors(nl);
    assertThat(errors).containsOnlyKeys("title", "estimatedCost", "authors");
    assertThat(errors.get("estimatedCost"))
        .isEqualTo("Geef estimatedCost als {\"amount\": \"165000\", \"currency\": \"EUR\"}.");
    assertThat(errors.get("authors")).startsWith("Geef minstens één indiener");
  }

  @Test
  void aMalformedBodyAndAnInvalidPathParameterInFrench() {
    JsonObject malformed =
        problem(
            send("fr", "POST", "api/v1/budgets/b1/ballots", "{\"kind\": ", "fanny", "participant"),
            400);
    assertThat(malformed.getString("title")).isEqualTo("La demande n’est pas valable");
    assertThat(errors(malformed).values()).allMatch(d -> d.startsWith("Le "));
    JsonObject badId =
        problem(
            send("fr", "GET", "api/v1/processes/bad!id/projects", null, "fanny", "participant"),
            400);
    assertThat(errors(badId).values())
        .containsExactly("Donnez de 1 à 100 lettres, chiffres, points, tirets ou soulignés.");
  }

  @Test
  void aProcessDefinitionWithThreeBadMembersIsAnsweredOnceInFrench() {
    JsonObject fr =
        problem(
            send(
                "fr",
                "PUT",
                "api/v1/processes/" + budget("bad"),
                "{\"title\": {\"fr\": \"Budget\"}, \"zone\": \"Mars/Olympus\","
                    + " \"template\": \"town-meeting\","
                    + " \"territory\": {\"code\": \"X\", \"name\": {\"fr\": \"X\"}},"
                    + " \"rules\": {\"envelope\": {\"amount\": \"10\", \"currency\": \"EUR\"},"
                    + " \"minimumAge\": \"dix\"}}",
                "ada",
                "administrator"),
            400);
    Map<String, String> errors = errors(fr);
    assertThat(errors).containsOnlyKeys("zone", "template", "rules.minimumAge");
    assertThat(errors.get("zone"))
        .isEqualTo(
            "« Mars/Olympus » n’est pas un fuseau horaire : donnez-en un comme"
                + " \"Europe/Brussels\".");
    assertThat(errors.get("rules.minimumAge")).isEqualTo("Donnez un nombre entier d’années.");
  }

  @Test
  void aBadDevelopmentSignInHeaderIsAnsweredInDutch() {
    Reply reply =
        api.send(
            "GET",
            "api/v1/me",
            null,
            "gert",
            "participant",
            Map.of("Accept-Language", "nl", "X-Polity-Dev-Birth-Date", "gisteren"));
    JsonObject nl = problem(reply, 400);
    assertThat(errors(nl))
        .containsEntry("X-Polity-Dev-Birth-Date", "Geef een datum zoals 2014-05-02.");
  }
}

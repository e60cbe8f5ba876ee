package org.polity.jakarta.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.FieldErrors;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.project.ProjectDocuments;
import org.polity.project.Channel;

/**
 * Problem documents in the reader's language: titles keyed by problem type code, details of Jakarta
 * REST's own errors, of bean validation and of JSON bodies, and every bad field of a body in one
 * answer.
 */
class ProblemLanguagesTest {

  private static final Locale NL = Locale.forLanguageTag("nl");

  /** Request headers that accept the given languages, most wanted first. */
  private static HttpHeaders accepting(Locale... languages) {
    return (HttpHeaders)
        Proxy.newProxyInstance(
            HttpHeaders.class.getClassLoader(),
            new Class<?>[] {HttpHeaders.class},
            (proxy, method, args) ->
                method.getName().equals("getAcceptableLanguages") ? List.of(languages) : null);
  }

  private static JsonObject json(Response response) {
    try (var reader = Json.createReader(new StringReader((String) response.getEntity()))) {
      return reader.readObject();
    }
  }

  @Test
  void titlesAreKeyedByProblemTypeCodeInEachLanguage() {
    assertThat(ProblemMappers.title("already-voted", 409, Locale.FRENCH))
        .isEqualTo("Vous avez déjà voté");
    assertThat(ProblemMappers.title("already-voted", 409, NL)).isEqualTo("U hebt al gestemd");
    assertThat(ProblemMappers.title("already-voted", 409, Locale.GERMAN))
        .isEqualTo("Already voted");
    assertThat(ProblemMappers.title("vote-closed", 409, Locale.FRENCH))
        .isEqualTo("Le vote est clos");
    // A code without a title of its own has its status's.
    assertThat(ProblemMappers.title("project.move-not-allowed", 409, NL))
        .isEqualTo("Conflict met de huidige toestand");
  }

  @Test
  void aRefusalIsAnsweredInTheReadersLanguageWithContentLanguage() {
    Response response =
        ProblemMappers.RefusalsOfServices.answer(
            Refusal.of(
                Refusal.Kind.CONFLICT,
                "vote-closed",
                new LocalizedText(
                    java.util.Map.of("en", "Closed.", "fr", "Clos.", "nl", "Gesloten."))),
            NL);
    JsonObject problem = json(response);
    assertThat(problem.getString("title")).isEqualTo("De stemming is gesloten");
    assertThat(problem.getString("detail")).isEqualTo("Gesloten.");
    assertThat(response.getLanguage()).isEqualTo(NL);
  }

  @Test
  void jakartaRestsOwnErrorsSpeakTheReadersLanguage() {
    ProblemMappers.WebExceptions mapper = new ProblemMappers.WebExceptions();
    mapper.headers = accepting(Locale.GERMAN, Locale.FRENCH);
    JsonObject notFound = json(mapper.toResponse(new NotFoundException()));
    assertThat(notFound.getString("title")).isEqualTo("Introuvable");
    assertThat(notFound.getString("detail")).isEqualTo("Il n’existe rien à cette adresse.");
    mapper.headers = accepting(NL);
    Response notAllowed = mapper.toResponse(new NotAllowedException("GET"));
    assertThat(json(notAllowed).getString("title")).isEqualTo("Methode niet toegestaan");
    assertThat(notAllowed.getHeaderString("Allow")).contains("GET");
    assertThat(notAllowed.getLanguage()).isEqualTo(NL);
  }

  @Test
  void malformedJsonIsAnsweredInTheReadersLanguage() {
    ProblemMappers.JsonProblems mapper = new ProblemMappers.JsonProblems();
    mapper.headers = accepting(NL);
    JsonObject problem =
        json(mapper.toResponse(new jakarta.json.JsonException("Unexpected char 125 at (line 1)")));
    assertThat(problem.getString("title")).isEqualTo("Het verzoek is niet geldig");
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("detail"))
        .isEqualTo("De body is geen geldige JSON: stuur een JSON-object.");
  }

  /** A bean with Polity's own and standard constraints. */
  record Form(
      @NotNull String name, @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE) String id) {}

  /** A bean with a standard constraint with a parameter. */
  record Short(@Size(max = 2) String code) {}

  @Test
  void beanValidationMessagesAreWrittenAgainInTheReadersLanguage() {
    var validator = Validation.buildDefaultValidatorFactory().getValidator();
    var violations = validator.validate(new Form(null, "bad id!"));
    ProblemMappers.Violations mapper = new ProblemMappers.Violations();
    mapper.headers = accepting(Locale.FRENCH);
    JsonObject problem = json(mapper.toResponse(new ConstraintViolationException(violations)));
    assertThat(problem.getString("detail"))
        .isEqualTo("Certains champs ne sont pas valables (2) : voir errors.");
    var errors = problem.getJsonArray("errors");
    assertThat(errors.getJsonObject(0).getString("field")).isEqualTo("id");
    assertThat(errors.getJsonObject(0).getString("detail"))
        .isEqualTo("Donnez de 1 à 100 lettres, chiffres, points, tirets ou soulignés.");
    assertThat(errors.getJsonObject(1).getString("field")).isEqualTo("name");
    assertThat(errors.getJsonObject(1).getString("detail")).isEqualTo("ne doit pas être nul");
    assertThat(problem.getString("field")).isEqualTo("id");
    mapper.headers = accepting(NL);
    JsonObject size =
        json(
            mapper.toResponse(
                new ConstraintViolationException(validator.validate(new Short("abc")))));
    assertThat(size.getJsonArray("errors").getJsonObject(0).getString("detail"))
        .isEqualTo("grootte moet tussen 0 en 2 liggen");
  }

  @Test
  void everyBadMemberOfAProposalIsNamedOnceInEachLanguage() {
    JsonObject body;
    try (var reader =
        Json.createReader(
            new StringReader(
                "{\"title\": 1, \"description\": {\"fr\": \"Des bancs.\"},"
                    + " \"estimatedCost\": {\"amount\": \"beaucoup\", \"currency\": \"EUR\"},"
                    + " \"authors\": [{\"kind\": \"robot\", \"name\": \"R2\"}], \"colour\": 1}"))) {
      body = reader.readObject();
    }
    assertThatThrownBy(() -> ProjectDocuments.proposal(body, new Channel.Online()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(Problem.FieldError::field)
                  .containsExactly("colour", "title", "estimatedCost", "authors[0].kind");
              assertThat(e.errors().get(1).detail(Locale.FRENCH))
                  .isEqualTo(
                      "Donnez title sous la forme d’un texte par langue, par exemple {\"fr\":"
                          + " \"...\", \"nl\": \"...\"}.");
              assertThat(e.errors().get(3).detail(NL))
                  .isEqualTo("Gebruik resident, association of assembly.");
              assertThat(e.errors().get(0).detail(Locale.ENGLISH))
                  .startsWith("Unknown member: use attachments, authors,");
            });
  }

  @Test
  void fieldErrorsCollectSharedReadersFailures() {
    FieldErrors errors = new FieldErrors();
    errors.read("price", () -> ValueJson.money(Json.createValue("12"), "price"));
    errors.read("name", () -> ValueJson.text(object("{\"fr\": \"\"}"), "name"));
    errors.add("other", "field.string", "other");
    assertThat(errors.count()).isEqualTo(3);
    assertThatThrownBy(errors::done)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(Problem.FieldError::field)
                  .containsExactly("price", "name.fr", "other");
              assertThat(e.errors().get(0).detail(NL))
                  .isEqualTo("Geef price als {\"amount\": \"165000\", \"currency\": \"EUR\"}.");
            });
  }

  private static JsonObject object(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void theProblemDocumentListsErrorsWithDetailAndTheFirstField() {
    Problem problem =
        new Problem(
            Problem.TYPE_BASE + "invalid-input",
            "t",
            400,
            "d",
            List.of(
                new Problem.FieldError("a", LocalizedText.of("en", "A.").with("fr", "Le A.")),
                new Problem.FieldError("b", "B.")));
    JsonObject json = object(problem.toJson(Json.createObjectBuilder().build(), Locale.FRENCH));
    assertThat(json.getString("field")).isEqualTo("a");
    assertThat(json.getJsonArray("errors").getJsonObject(0).getString("detail")).isEqualTo("Le A.");
    assertThat(json.getJsonArray("errors").getJsonObject(0).getString("message"))
        .isEqualTo("Le A.");
    assertThat(json.getJsonArray("errors").getJsonObject(1).getString("detail")).isEqualTo("B.");
  }
}

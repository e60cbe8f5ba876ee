package org.polity.jakarta.cartography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem;

/** An initiative with several bad members is refused once, each detail in the reader's language. */
class InitiativeJsonLanguagesTest {

  @Test
  void everyBadMemberIsNamedInFrenchAndDutch() {
    JsonObject body;
    try (var reader =
        Json.createReader(
            new StringReader(
                "{\"kind\": \"picnic\", \"organiserType\": \"resident\", \"scale\": \"galaxy\","
                    + " \"start\": \"demain\"}"))) {
      body = reader.readObject();
    }
    assertThatThrownBy(() -> InitiativeJson.details(body))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors())
                  .extracting(Problem.FieldError::field)
                  .contains("title", "kind", "scale", "start");
              Problem.FieldError kind =
                  e.errors().stream().filter(f -> f.field().equals("kind")).findFirst().get();
              assertThat(kind.detail(Locale.FRENCH))
                  .startsWith("« picnic » n’est pas un code connu : utilisez ");
              Problem.FieldError title =
                  e.errors().stream().filter(f -> f.field().equals("title")).findFirst().get();
              assertThat(title.detail(Locale.forLanguageTag("nl")))
                  .isEqualTo("Ontbreekt: geef {\"fr\": \"...\", \"nl\": \"...\"}.");
            });
  }
}

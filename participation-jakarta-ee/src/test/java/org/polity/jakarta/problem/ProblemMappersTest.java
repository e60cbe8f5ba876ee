package org.polity.jakarta.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

  @Test
  void anUnexpectedFailureIsA500WithoutStackTraceOrMessage() {
    Response response =
        new ProblemMappers.Unexpected()
            .toResponse(new IllegalStateException("secret detail: password=hunter2"));
    String body = (String) response.getEntity();
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(body)
        .contains("\"status\":500")
        .contains("incident")
        .doesNotContain("hunter2")
        .doesNotContain("IllegalStateException")
        .doesNotContain("\tat ");
  }

  @Test
  void aRefusalKeepsItsStatusAndStableType() {
    Response response =
        ProblemMappers.RefusalsOfServices.answer(
            Refusal.of(
                Refusal.Kind.CONFLICT,
                "already-voted",
                org.polity.common.LocalizedText.of("en", "You have already voted.")),
            java.util.Locale.ENGLISH);
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat((String) response.getEntity())
        .contains("\"type\":\"https://polity.org/problems/already-voted\"")
        .contains("You have already voted.");
  }
}

package org.polity.jakarta.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A participatory-budget process brought to its vote through the REST API, as its staff would:
 * declared (shared-budget template, moved by staff, everyone may vote), ideas submitted, reviewed
 * feasible at the given costs, put on the ballot, and the vote phase opened. The vote on the budget
 * itself is declared by the caller, with the dates it needs.
 *
 * @param process the process id
 * @param budget the budget id
 * @param projects the ids of the projects on the ballot, in submission order
 */
public record BallotProcess(String process, String budget, List<String> projects) {

  /** How a request is signed in: the headers for a user with a Polity role. */
  @FunctionalInterface
  public interface SignIn {
    /**
     * @param user the user
     * @param role the Polity role (participant, reviewer, administrator)
     * @return header names and values, alternately
     */
    String[] headers(String user, String role);
  }

  /** The development sign-in of {@code polity serve --development}. */
  public static final SignIn DEVELOPMENT =
      (user, role) -> new String[] {"X-Polity-Dev-User", user, "X-Polity-Dev-Roles", role};

  /** The sign-in of the current {@link #bringToVote} call. */
  private static final ThreadLocal<SignIn> SIGN_IN = ThreadLocal.withInitial(() -> DEVELOPMENT);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * Brings a new process to its vote.
   *
   * @param base the server's address
   * @param name a prefix for the process and budget ids (made unique)
   * @param envelope the process's envelope, in EUR
   * @param costs the reviewed cost of each project, in EUR
   * @param counting the {@code counting} member of the definition as JSON, or null for none
   * @return the process
   */
  public static BallotProcess create(
      URI base, String name, long envelope, List<Long> costs, String counting) {
    String unique = Long.toHexString(System.nanoTime());
    List<String> districts = new ArrayList<>();
    costs.forEach(cost -> districts.add("Centre"));
    return create(
        base,
        name + "-" + unique,
        List.of(name + "-budget-" + unique),
        envelope,
        costs,
        districts,
        counting);
  }

  /**
   * Brings a new process with several budgets to its vote.
   *
   * @param base the server's address
   * @param process the process id
   * @param budgets its budgets (the first is returned as {@link #budget()})
   * @param envelope the process's envelope, in EUR
   * @param costs the reviewed cost of each project, in EUR
   * @param districts each project's district (Centre or North), or null for none
   * @param counting the {@code counting} member of the definition as JSON, or null for none
   * @return the process
   */
  public static BallotProcess create(
      URI base,
      String process,
      List<String> budgets,
      long envelope,
      List<Long> costs,
      List<String> districts,
      String counting) {
    return create(
        base,
        process,
        budgets,
        envelope,
        costs,
        districts,
        counting,
        "{\"everyone\": {}}",
        Set.of());
  }

  /**
   * Brings a new process with several budgets to its vote, with its own rule for voting and some
   * projects left off the ballot at validation.
   *
   * @param base the server's address
   * @param process the process id
   * @param budgets its budgets (the first is returned as {@link #budget()})
   * @param envelope the process's envelope, in EUR
   * @param costs the reviewed cost of each project, in EUR
   * @param districts each project's district (Centre or North), or null for none
   * @param counting the {@code counting} member of the definition as JSON, or null for none
   * @param voteRule the eligibility rule of VOTE, as JSON ({@code {"everyone": {}}})
   * @param leftOff the indices of the projects not put on the ballot at validation
   * @return the process; {@link #projects()} lists every project, those left off included
   */
  public static BallotProcess create(
      URI base,
      String process,
      List<String> budgets,
      long envelope,
      List<Long> costs,
      List<String> districts,
      String counting,
      String voteRule,
      Set<Integer> leftOff) {
    String budget = budgets.get(0);
    String definition =
        """
        {"title": {"en": "Shared Budget", "fr": "Budget partagé", "nl": "Gedeeld budget"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre", "North"]},
         "rules": {"envelope": {"amount": "%d", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery", "fr": "Verdurisation"}}]},
         "budgets": [%s],
         "eligibility": {"VOTE": %s, "SUBMIT": {"everyone": {}}}%s}
        """
            .formatted(
                envelope,
                String.join(", ", budgets.stream().map(b -> "\"" + b + "\"").toList()),
                voteRule,
                counting == null ? "" : ", \"counting\": " + counting);
    expect(
        send(base, "PUT", "api/v1/processes/" + process, definition, "ada", "administrator"), 201);
    return new BallotProcess(
        process, budget, bringToVote(base, process, costs, districts, leftOff));
  }

  /**
   * Brings a declared shared-budget process from its start to its vote: ideas submitted (the
   * process must let everyone submit), reviewed feasible at the given costs, put on the ballot (but
   * those left off), and the vote phase opened.
   *
   * @param base the server's address
   * @param process the process id
   * @param costs the reviewed cost of each project, in EUR
   * @param districts each project's district, or null for none
   * @param leftOff the indices of the projects not put on the ballot
   * @return the ids of every project, in submission order
   */
  public static List<String> bringToVote(
      URI base, String process, List<Long> costs, List<String> districts, Set<Integer> leftOff) {
    return bringToVote(base, process, costs, districts, leftOff, DEVELOPMENT);
  }

  /**
   * Brings a declared process to its vote, signing requests in another way (a server in production
   * mode, with tokens).
   *
   * @param base the server's address
   * @param process the process id
   * @param costs the reviewed cost of each project, in EUR
   * @param districts each project's district, or null for none
   * @param leftOff the indices of the projects not put on the ballot
   * @param signIn how requests are signed in
   * @return the ids of every project, in submission order
   */
  public static List<String> bringToVote(
      URI base,
      String process,
      List<Long> costs,
      List<String> districts,
      Set<Integer> leftOff,
      SignIn signIn) {
    SIGN_IN.set(signIn);
    try {
      return steps(base, process, costs, districts, leftOff);
    } finally {
      SIGN_IN.remove();
    }
  }

  private static List<String> steps(
      URI base, String process, List<Long> costs, List<String> districts, Set<Integer> leftOff) {
    move(base, process, "submission");
    List<String> ids = new ArrayList<>();
    List<Long> versions = new ArrayList<>();
    for (int i = 0; i < costs.size(); i++) {
      String idea =
          """
          {"title": {"fr": "Projet %1$d", "nl": "Project %1$d", "en": "Project %1$d"},
           "description": {"fr": "Un projet."}, "themes": ["greenery"],
           "estimatedCost": {"amount": "%2$d", "currency": "EUR"}%3$s,
           "authors": [{"kind": "resident", "name": "Jeanne", "age": 71}]}
          """
              .formatted(
                  i + 1,
                  costs.get(i),
                  districts.get(i) == null ? "" : ", \"district\": \"" + districts.get(i) + "\"");
      JsonObject created =
          expect(
              send(
                  base,
                  "POST",
                  "api/v1/processes/" + process + "/projects",
                  idea,
                  "author-" + i,
                  "participant"),
              201);
      ids.add(created.getString("id"));
      versions.add(created.getJsonNumber("version").longValue());
    }
    move(base, process, "feasibility");
    for (int i = 0; i < ids.size(); i++) {
      String path = "api/v1/processes/" + process + "/projects/" + ids.get(i);
      JsonObject started =
          expect(
              send(
                  base,
                  "POST",
                  path + "/status",
                  "{\"to\": \"UNDER_REVIEW\", \"why\": {\"en\": \"Studied.\"}}",
                  "rita",
                  "reviewer",
                  "If-Match",
                  "\"" + versions.get(i) + "\""),
              200);
      String review =
          """
          {"checklist": {"ON_TERRITORY": true, "WITHIN_COMPETENCE": true, "WITHIN_MAXIMUM_COST": true,
                         "PUBLIC_INTEREST": true, "WITHIN_THEMES": true},
           "costEstimate": {"amount": "%d", "currency": "EUR"},
           "publicAnswer": {"en": "Feasible.", "fr": "Faisable.", "nl": "Haalbaar."}}
          """
              .formatted(costs.get(i));
      JsonObject reviewed =
          expect(
              send(
                  base,
                  "PUT",
                  path + "/review",
                  review,
                  "rita",
                  "reviewer",
                  "If-Match",
                  "\"" + started.getJsonNumber("version").longValue() + "\""),
              200);
      versions.set(i, reviewed.getJsonNumber("version").longValue());
    }
    move(base, process, "validation");
    for (int i = 0; i < ids.size(); i++) {
      if (leftOff.contains(i)) {
        continue;
      }
      expect(
          send(
              base,
              "POST",
              "api/v1/processes/" + process + "/projects/" + ids.get(i) + "/status",
              "{\"to\": \"ON_BALLOT\", \"why\": {\"en\": \"Validated.\"}}",
              "ada",
              "administrator",
              "If-Match",
              "\"" + versions.get(i) + "\""),
          200);
    }
    move(base, process, "vote");
    return List.copyOf(ids);
  }

  /**
   * Opens a phase of the process (administrator).
   *
   * @param base the server's address
   * @param process the process
   * @param phase the phase id
   */
  public static void move(URI base, String process, String phase) {
    expect(
        send(
            base,
            "POST",
            "api/v1/processes/" + process + "/phase-moves",
            "{\"phase\": \"" + phase + "\", \"why\": {\"en\": \"On schedule.\"}}",
            "ada",
            "administrator"),
        200);
  }

  private static JsonObject expect(String[] reply, int status) {
    if (Integer.parseInt(reply[0]) != status) {
      throw new AssertionError("expected " + status + " but got " + reply[0] + ": " + reply[1]);
    }
    try (var reader = Json.createReader(new StringReader(reply[1]))) {
      return reader.readObject();
    }
  }

  private static String[] send(
      URI base,
      String method,
      String path,
      String body,
      String user,
      String roles,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    String[] signedIn = SIGN_IN.get().headers(user, roles);
    for (int i = 0; i < signedIn.length; i += 2) {
      request.header(signedIn[i], signedIn[i + 1]);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new String[] {Integer.toString(response.statusCode()), response.body()};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

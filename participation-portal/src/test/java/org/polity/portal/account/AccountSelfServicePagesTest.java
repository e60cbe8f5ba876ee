package org.polity.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.project.ProjectService;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.BallotProcess;
import org.polity.portal.pages.PortalHttp;
import org.polity.portal.pages.PortalTesting;
import org.polity.project.FeasibilityCriterion;
import org.polity.project.FeasibilityReview;
import org.polity.project.ProjectStatus;

/**
 * What a resident does with their own account, and what administrators do with the roles, on the
 * real server (H2): the roles page (administrators only, CSRF, the record of changes, the last
 * administrator kept), changing one's name, language, e-mail and password (the current password
 * asked; the other sessions end), deleting one's account (its personal data gone, its ideas kept),
 * and "my ideas" (only the resident's own, with their status and the review's answer).
 */
class AccountSelfServicePagesTest {

  static final String PASSWORD = "a long enough secret";

  @TempDir static Path data;
  static PolityServer server;
  static AccountService accounts;

  /** Someone outside the portal's accounts who sets up the tests (as the set-up link would). */
  static final Caller SYSTEM =
      Caller.of((Principal) () -> "test-setup", Set.of(PolityRole.ADMINISTRATOR));

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    accounts = server.bean(AccountService.class);
    declare("acc-ideas");
    declare("acc-review");
  }

  private static void declare(String id) {
    String definition =
        """
        {"title": {"en": "Ideas %1$s", "fr": "Idées %1$s", "nl": "Ideeën %1$s"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre", "North"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery", "fr": "Verdurisation", "nl": "Vergroening"}}]},
         "budgets": ["%1$s-city"],
         "eligibility": {"VOTE": {"everyone": {}}, "SUBMIT": {"everyone": {}}}}
        """
            .formatted(id);
    Api.Reply declared =
        new Api(server.uri())
            .send("PUT", "api/v1/processes/" + id, definition, "ada", "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    BallotProcess.move(server.uri(), id, "submission");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A resident with an account, signed in in a browser of their own. */
  record Resident(Account account, PortalHttp browser) {}

  static Resident resident(String name) {
    Account account =
        accounts.signUp(AccountPagesTest.email(), name, PASSWORD, Locale.ENGLISH).orElseThrow();
    return new Resident(account, signedIn(account.email(), PASSWORD));
  }

  static PortalHttp signedIn(String email, String password) {
    PortalHttp browser = new PortalHttp(server.uri());
    HttpResponse<String> in = AccountPagesTest.signIn(browser, email, password);
    assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
    return browser;
  }

  static Resident administrator(String name) {
    Resident resident = resident(name);
    accounts
        .grantRoles(SYSTEM, resident.account().id(), Set.of(PolityRole.ADMINISTRATOR))
        .orElseThrow();
    return resident;
  }

  static String csrfOf(PortalHttp browser, String path) {
    return PortalHttp.csrf(browser.get(path).body());
  }

  static HttpResponse<String> changeRoles(
      PortalHttp browser, Account account, String reason, String... roles) {
    List<Map.Entry<String, String>> form = new ArrayList<>();
    form.add(Map.entry("csrf", csrfOf(browser, "/account")));
    form.add(Map.entry("email", account.email()));
    for (String role : roles) {
      form.add(Map.entry("role", role));
    }
    form.add(Map.entry("reason", reason));
    return browser.post("/staff/accounts/" + account.id(), form);
  }

  static Set<PolityRole> rolesOf(Account account) {
    return accounts.account(account.id()).orElseThrow().roles();
  }

  static String submitIdea(PortalHttp browser, String process, String title) {
    String form = browser.get("/editions/" + process + "/ideas/new?lang=en").body();
    HttpResponse<String> submitted =
        browser.post(
            "/editions/" + process + "/ideas/new",
            List.of(
                Map.entry("csrf", PortalHttp.csrf(form)),
                Map.entry("title", title),
                Map.entry("description", "What " + title + " would change for the street."),
                Map.entry("theme", "greenery"),
                Map.entry("district", "North"),
                Map.entry("cost", "12000"),
                Map.entry("author", "The author of " + title),
                Map.entry("age", "36")));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
    String location = submitted.headers().firstValue("Location").orElseThrow();
    return location.replaceAll(".*/projects/([^?]+).*", "$1");
  }

  // ---------------------------------------------------------------- the roles page

  @Test
  void onlyAnAdministratorSeesAndChangesRolesAndEveryChangeIsRecorded() {
    Resident resident = resident("Rosa Resident");
    assertThat(new PortalHttp(server.uri()).get("/staff/accounts").statusCode()).isEqualTo(303);
    HttpResponse<String> asResident = resident.browser().get("/staff/accounts?lang=en");
    assertThat(asResident.statusCode()).isEqualTo(403);
    assertThat(asResident.body()).contains("Only administrators may grant and withdraw roles.");
    PortalHttp encoder =
        new PortalHttp(server.uri(), "X-Polity-Dev-User", "eli", "X-Polity-Dev-Roles", "encoder");
    assertThat(encoder.get("/staff/accounts").statusCode()).isEqualTo(403);
    HttpResponse<String> grantsItself =
        changeRoles(resident.browser(), resident.account(), "", "administrator");
    assertThat(grantsItself.statusCode()).isEqualTo(403);
    assertThat(rolesOf(resident.account())).containsExactly(PolityRole.PARTICIPANT);

    Resident admin = administrator("Alma Admin");
    assertThat(admin.browser().get("/account?lang=en").body()).contains("href=\"/staff/accounts\"");
    String found =
        admin.browser().get("/staff/accounts?lang=en&email=" + resident.account().email()).body();
    assertThat(found)
        .contains("Rosa Resident")
        .contains("Roles now: resident")
        .contains("name=\"role\" value=\"encoder\"")
        .doesNotContain("value=\"staff\"");
    assertThat(admin.browser().get("/staff/accounts?email=nobody@example.be&lang=en").body())
        .contains("No account has the address nobody@example.be.");

    HttpResponse<String> forged =
        admin
            .browser()
            .post(
                "/staff/accounts/" + resident.account().id(),
                List.of(Map.entry("role", "encoder"), Map.entry("email", "x")));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(rolesOf(resident.account())).containsExactly(PolityRole.PARTICIPANT);

    HttpResponse<String> granted =
        changeRoles(admin.browser(), resident.account(), "Serves at the town hall desk", "encoder");
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(303);
    assertThat(rolesOf(resident.account()))
        .containsExactlyInAnyOrder(PolityRole.PARTICIPANT, PolityRole.ENCODER);
    String after =
        admin.browser().get(granted.headers().firstValue("Location").orElseThrow()).body();
    assertThat(after)
        .contains("The roles are saved.")
        .contains("Roles now: encoder")
        .contains("Serves at the town hall desk")
        .contains("+ encoder")
        .contains("Alma Admin");
    // the resident is an encoder from their next page on: the desk opens to them
    assertThat(resident.browser().get("/desk").statusCode()).isEqualTo(200);

    HttpResponse<String> withdrawn = changeRoles(admin.browser(), resident.account(), "");
    assertThat(withdrawn.statusCode()).isEqualTo(303);
    assertThat(rolesOf(resident.account())).containsExactly(PolityRole.PARTICIPANT);
    assertThat(admin.browser().get("/staff/accounts?lang=en").body()).contains("− encoder");
    assertThat(resident.browser().get("/desk").statusCode()).isEqualTo(403);

    HttpResponse<String> tooLong =
        changeRoles(admin.browser(), resident.account(), "x".repeat(501), "reviewer");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("at most 500 characters");
    assertThat(rolesOf(resident.account())).containsExactly(PolityRole.PARTICIPANT);
  }

  @Test
  void theLastAdministratorKeepsTheRoleAndTheirAccount() throws Exception {
    Resident only = administrator("Otto Only");
    // from here on, Otto is the only account holding the administrator role
    for (String id : administratorIds()) {
      if (!id.equals(only.account().id())) {
        accounts.grantRoles(SYSTEM, id, Set.of()).orElseThrow();
      }
    }
    assertThat(administratorIds()).containsExactly(only.account().id());

    HttpResponse<String> ownRole =
        changeRoles(only.browser(), only.account(), "I am leaving", "reviewer");
    assertThat(ownRole.statusCode()).isEqualTo(409);
    assertThat(ownRole.body()).contains("last administrator");
    assertThat(rolesOf(only.account())).contains(PolityRole.ADMINISTRATOR);
    assertThat(
            accounts
                .changeRoles(SYSTEM, only.account().id(), Set.of(), "")
                .refusal()
                .orElseThrow()
                .code())
        .isEqualTo("last-administrator");

    HttpResponse<String> deleted =
        only.browser()
            .post(
                "/account/delete",
                Map.of("csrf", csrfOf(only.browser(), "/account"), "delete-current", PASSWORD));
    assertThat(deleted.statusCode()).isEqualTo(409);
    assertThat(accounts.account(only.account().id())).isPresent();

    Resident second = resident("Sara Second");
    assertThat(
            changeRoles(only.browser(), second.account(), "Takes over", "administrator")
                .statusCode())
        .isEqualTo(303);
    HttpResponse<String> leaves =
        changeRoles(only.browser(), only.account(), "I am leaving", "reviewer");
    assertThat(leaves.statusCode()).isEqualTo(303);
    assertThat(rolesOf(only.account()))
        .containsExactlyInAnyOrder(PolityRole.PARTICIPANT, PolityRole.REVIEWER);
    assertThat(only.browser().get("/staff/accounts").statusCode()).isEqualTo(403);
    String seen = second.browser().get("/staff/accounts?lang=en").body();
    assertThat(seen).contains("I am leaving").contains("− administrator").contains("+ reviewer");
  }

  static List<String> administratorIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection connection = server.bean(PolityDatabase.class).dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT id, roles FROM polity_account");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        if (List.of(row.getString("roles").split(",")).contains("administrator")) {
          ids.add(row.getString("id"));
        }
      }
    }
    return ids;
  }

  // ---------------------------------------------------------------- editing one's account

  @Test
  void aNewPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
    Resident resident = resident("Pia Password");
    PortalHttp phone = signedIn(resident.account().email(), PASSWORD);
    assertThat(phone.get("/account").statusCode()).isEqualTo(200);

    HttpResponse<String> wrong =
        resident
            .browser()
            .post(
                "/account/password",
                Map.of(
                    "csrf", csrfOf(resident.browser(), "/account?lang=en"),
                    "password-current", "not my password",
                    "password", "a brand new secret"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body())
        .contains("Your current password is wrong.")
        .contains("href=\"#password-current\"");
    assertThat(phone.get("/account").statusCode()).isEqualTo(200);

    HttpResponse<String> tooShort =
        resident
            .browser()
            .post(
                "/account/password",
                Map.of(
                    "csrf",
                    csrfOf(resident.browser(), "/account"),
                    "password-current",
                    PASSWORD,
                    "password",
                    "short"));
    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.body()).contains("href=\"#password\"");

    HttpResponse<String> changed =
        resident
            .browser()
            .post(
                "/account/password",
                Map.of(
                    "csrf",
                    csrfOf(resident.browser(), "/account"),
                    "password-current",
                    PASSWORD,
                    "password",
                    "a brand new secret"));
    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(changed.headers().firstValue("Location").orElseThrow())
        .endsWith("/account?done=password");
    HttpResponse<String> here = resident.browser().get("/account?done=password&lang=en");
    assertThat(here.statusCode()).isEqualTo(200);
    assertThat(here.body()).contains("your other sessions are signed out");
    assertThat(phone.get("/account").statusCode()).isEqualTo(303);
    PortalHttp other = new PortalHttp(server.uri());
    assertThat(AccountPagesTest.signIn(other, resident.account().email(), PASSWORD).statusCode())
        .isEqualTo(403);
    signedIn(resident.account().email(), "a brand new secret");
  }

  @Test
  void aResidentChangesTheirNameLanguageAndEMail() {
    Resident resident = resident("Nina Name");
    HttpResponse<String> empty =
        resident
            .browser()
            .post(
                "/account/profile",
                Map.of(
                    "csrf", csrfOf(resident.browser(), "/account"),
                    "name", " ",
                    "language", "fr"));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("href=\"#name\"");
    HttpResponse<String> saved =
        resident
            .browser()
            .post(
                "/account/profile",
                Map.of(
                    "csrf", csrfOf(resident.browser(), "/account"),
                    "name", "Nina Nieuwe Naam",
                    "language", "nl"));
    assertThat(saved.statusCode()).isEqualTo(303);
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertThat(location).endsWith("/account?done=profile&lang=nl");
    assertThat(resident.browser().get(location).body())
        .contains("Nina Nieuwe Naam")
        .contains("Uw naam en taal zijn bewaard.");
    assertThat(accounts.account(resident.account().id()).orElseThrow().language().getLanguage())
        .isEqualTo("nl");

    Resident other = resident("Omar Other");
    HttpResponse<String> taken =
        resident
            .browser()
            .post(
                "/account/email",
                Map.of(
                    "csrf", csrfOf(resident.browser(), "/account"),
                    "email", other.account().email(),
                    "email-current", PASSWORD));
    assertThat(taken.statusCode()).isEqualTo(422);
    assertThat(taken.body()).contains("href=\"#email\"");
    String address = AccountPagesTest.email();
    HttpResponse<String> wrong =
        resident
            .browser()
            .post(
                "/account/email",
                Map.of(
                    "csrf",
                    csrfOf(resident.browser(), "/account"),
                    "email",
                    address,
                    "email-current",
                    "not my password"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("href=\"#email-current\"");
    HttpResponse<String> moved =
        resident
            .browser()
            .post(
                "/account/email",
                Map.of(
                    "csrf", csrfOf(resident.browser(), "/account"),
                    "email", address,
                    "email-current", PASSWORD));
    assertThat(moved.statusCode()).isEqualTo(303);
    assertThat(
            AccountPagesTest.signIn(
                    new PortalHttp(server.uri()), resident.account().email(), PASSWORD)
                .statusCode())
        .isEqualTo(403);
    PortalHttp again = signedIn(address, PASSWORD);
    assertThat(again.get("/account").body()).contains(address.toLowerCase(Locale.ROOT));
  }

  @Test
  void aDeletedAccountLeavesNoPersonalDataAndItsIdeaStays() throws Exception {
    Resident resident = resident("Dora Deleted");
    PortalHttp phone = signedIn(resident.account().email(), PASSWORD);
    String project = submitIdea(resident.browser(), "acc-ideas", "A drinking fountain");
    assertThat(rows("polity_idea_author", resident.account().id())).isEqualTo(1);

    HttpResponse<String> wrong =
        resident
            .browser()
            .post(
                "/account/delete",
                Map.of(
                    "csrf",
                    csrfOf(resident.browser(), "/account"),
                    "delete-current",
                    "not my password"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(accounts.account(resident.account().id())).isPresent();

    HttpResponse<String> deleted =
        resident
            .browser()
            .post(
                "/account/delete",
                Map.of("csrf", csrfOf(resident.browser(), "/account"), "delete-current", PASSWORD));
    assertThat(deleted.statusCode()).isEqualTo(303);
    assertThat(deleted.headers().firstValue("Location").orElseThrow())
        .endsWith("/sign-in?deleted=1");
    assertThat(deleted.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith(SessionFilter.COOKIE + "=;") && c.contains("Max-Age=0"));
    assertThat(resident.browser().get("/sign-in?deleted=1&lang=en").body())
        .contains("Your account is deleted.");
    assertThat(resident.browser().get("/account").statusCode()).isEqualTo(303);
    assertThat(phone.get("/account").statusCode()).isEqualTo(303);
    assertThat(accounts.account(resident.account().id())).isEmpty();
    assertThat(
            AccountPagesTest.signIn(
                    new PortalHttp(server.uri()), resident.account().email(), PASSWORD)
                .statusCode())
        .isEqualTo(403);
    for (String table : List.of("polity_account_session", "polity_idea_author")) {
      assertThat(rows(table, resident.account().id())).as(table).isZero();
    }
    assertThat(rowsWithEmail(resident.account().email())).isZero();

    String idea =
        new PortalHttp(server.uri())
            .get("/editions/acc-ideas/projects/" + project + "?lang=en")
            .body();
    assertThat(idea).contains("A drinking fountain");
    // the sign-up form takes the address again
    assertThat(
            accounts
                .signUp(resident.account().email(), "Dora Again", PASSWORD, Locale.ENGLISH)
                .refusal())
        .isEmpty();
  }

  static int rows(String table, String accountId) throws Exception {
    try (Connection connection = server.bean(PolityDatabase.class).dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE account_id = ?")) {
      select.setString(1, accountId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  static int rowsWithEmail(String email) throws Exception {
    try (Connection connection = server.bean(PolityDatabase.class).dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT COUNT(*) FROM polity_account WHERE email = ?")) {
      select.setString(1, email);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }

  // ---------------------------------------------------------------- my ideas

  @Test
  void myIdeasListsOnlyMineWithTheirStatusAndTheReviewsAnswer() {
    assertThat(new PortalHttp(server.uri()).get("/account/ideas").statusCode()).isEqualTo(303);
    Resident mine = resident("Mia Mine");
    Resident theirs = resident("Theo Theirs");
    assertThat(mine.browser().get("/account/ideas?lang=en").body())
        .contains("You have not submitted an idea while signed in yet.");
    String benches = submitIdea(mine.browser(), "acc-review", "Benches by the pond");
    String trees = submitIdea(theirs.browser(), "acc-review", "Trees on the square");
    // a resident signed in some other way (here the development headers) leaves no link
    PortalHttp developer =
        new PortalHttp(
            server.uri(), "X-Polity-Dev-User", "dev", "X-Polity-Dev-Roles", "participant");
    submitIdea(developer, "acc-review", "A developer's idea");

    BallotProcess.move(server.uri(), "acc-review", "feasibility");
    ProjectService projects = server.bean(ProjectService.class);
    Caller reviewer = Caller.of((Principal) () -> "rita", Set.of(PolityRole.REVIEWER));
    ProcessId process = ProcessId.of("acc-review");
    projects
        .move(
            reviewer,
            process,
            ProjectId.of(benches),
            projects.read(reviewer, process, ProjectId.of(benches)).orElseThrow().version(),
            ProjectStatus.UNDER_REVIEW,
            LocalizedText.of("en", "The parks service looks at it."))
        .orElseThrow();
    Map<FeasibilityCriterion, Boolean> checklist = new EnumMap<>(FeasibilityCriterion.class);
    EnumSet.allOf(FeasibilityCriterion.class).forEach(c -> checklist.put(c, true));
    projects
        .review(
            reviewer,
            process,
            ProjectId.of(benches),
            projects.read(reviewer, process, ProjectId.of(benches)).orElseThrow().version(),
            new FeasibilityReview(
                "rita",
                checklist,
                Money.of(new BigDecimal("11000"), "EUR"),
                LocalizedText.of("en", "Feasible with the parks service in spring.")))
        .orElseThrow();

    HttpResponse<String> page = mine.browser().get("/account/ideas?lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Benches by the pond")
        .contains("href=\"/editions/acc-review/projects/" + benches + "\"")
        .contains("Feasible with the parks service in spring.")
        .contains("Ideas acc-review, submitted on")
        .doesNotContain("Trees on the square")
        .doesNotContain("A developer");
    assertThat(page.body().replaceAll("\\s+", " ")).contains("Status now: <span class=\"status\">");
    assertThat(mine.browser().get("/account?lang=en").body())
        .contains("What happened to my ideas (1)");
    String other = theirs.browser().get("/account/ideas?lang=fr").body();
    assertThat(other)
        .contains("Trees on the square")
        .contains("/projects/" + trees)
        .doesNotContain("Benches by the pond");
    assertThat(
            server.bean(IdeaAuthors.class).of(mine.account().id()).stream()
                .map(l -> l.project().value()))
        .containsExactly(benches);
  }
}

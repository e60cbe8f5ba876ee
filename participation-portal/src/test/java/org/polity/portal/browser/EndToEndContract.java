package org.polity.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.portal.account.AccountService;

/**
 * The whole edition in a real browser, with the portal's own accounts: a resident signs up and is
 * verified at the desk, submits an idea that needs the verified age; staff review it and put it on
 * the ballot; the resident votes, is refused an over-budget basket, votes validly and checks the
 * receipt; staff close the vote; the results show. A subclass chooses the database.
 */
abstract class EndToEndContract {

  static PolityServer server;

  /**
   * Starts the server with the sign-in of the portal's accounts.
   *
   * @param database the database settings
   */
  static void start(Map<String, String> database) {
    Map<String, String> settings = new java.util.HashMap<>(database);
    settings.put("polity.mode", "development");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    String definition =
        """
        {"title": {"en": "Shared Budget 2027", "fr": "Budget partagé 2027", "nl": "Gedeeld budget 2027"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "VSM", "name": {"fr": "Ville-sur-Meuse"}, "districts": ["Centre", "North"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery", "fr": "Verdurisation", "nl": "Vergroening"}}]},
         "budgets": ["e2e-city"],
         "eligibility": {"VOTE": {"everyone": {}}, "SUBMIT": {"minimumAge": {"years": 16}}}}
        """;
    Api api = new Api(server.uri());
    assertThat(api.send("PUT", "api/v1/processes/e2e", definition, "ada", "administrator").status())
        .isEqualTo(201);
    org.polity.jakarta.testing.BallotProcess.move(server.uri(), "e2e", "submission");
    // two projects proposed by others, so that the ballot has a choice
    for (String[] idea :
        new String[][] {{"A playground", "60000"}, {"Trees on the square", "30000"}}) {
      Api.Reply proposed =
          api.send(
              "POST",
              "api/v1/processes/e2e/projects",
              "{\"title\":{\"en\":\""
                  + idea[0]
                  + "\"},\"description\":{\"en\":\"A proposal.\"},\"themes\":[\"greenery\"],"
                  + "\"estimatedCost\":{\"amount\":\""
                  + idea[1]
                  + "\",\"currency\":\"EUR\"},\"authors\":[{\"kind\":\"resident\",\"name\":\"Jo\",\"age\":40}]}",
              "jo-" + idea[1],
              "participant",
              Map.of("X-Polity-Dev-Birth-Date", "1985-05-05"));
      assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    }
    AccountService accounts = server.bean(AccountService.class);
    var staff =
        accounts.signUp(
            "sam@ville.example", "Sam Staff", "a long staff password", java.util.Locale.ENGLISH);
    Principal system = () -> "e2e-setup";
    accounts
        .grantRoles(
            Caller.of(system, Set.of(PolityRole.ADMINISTRATOR)),
            staff.orElseThrow().id(),
            Set.of(
                PolityRole.PARTICIPANT,
                PolityRole.REVIEWER,
                PolityRole.ENCODER,
                PolityRole.ADMINISTRATOR))
        .orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  static String url(String path) {
    return server.uri().resolve(path).toString();
  }

  static void signIn(WebDriver page, String email, String password) {
    page.get(url("/sign-in?lang=en"));
    page.findElement(By.id("email")).sendKeys(email);
    page.findElement(By.id("password")).sendKeys(password);
    page.findElement(By.cssSelector("main form button[type=submit]")).click();
    new WebDriverWait(page, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("form[action='/sign-out']")).isEmpty());
  }

  static void submit(WebDriver page, String buttonSelector) {
    page.findElement(By.cssSelector(buttonSelector)).click();
  }

  static void phase(WebDriver staff, String phase) {
    staff.get(url("/staff/editions/e2e?lang=en"));
    new Select(staff.findElement(By.id("phase"))).selectByValue(phase);
    submit(staff, "form[action='/staff/editions/e2e/phase'] button");
    assertThat(staff.findElement(By.cssSelector(".success, .error-summary")).getText())
        .as("opening " + phase)
        .contains("The phase is open.");
  }

  @Test
  void aResidentTakesPartFromSignUpToTheResults() {
    try (Browser resident = Browser.start("en", true);
        Browser staffBrowser = Browser.start("en", true)) {
      WebDriver me = resident.driver();
      WebDriver staff = staffBrowser.driver();

      // 1. the resident signs up and signs in
      me.get(url("/sign-up?lang=en"));
      me.findElement(By.id("name")).sendKeys("Rosa Resident");
      me.findElement(By.id("email")).sendKeys("rosa@ville.example");
      me.findElement(By.id("password")).sendKeys("rosa's long password");
      submit(me, "main form button[type=submit]");
      signIn(me, "rosa@ville.example", "rosa's long password");

      // 2. without a verified age, the idea is refused with the reason
      me.get(url("/editions/e2e/ideas/new?lang=en"));
      me.findElement(By.id("title")).sendKeys("Benches by the pond");
      me.findElement(By.id("description")).sendKeys("Ten benches along the pond.");
      new Select(me.findElement(By.id("theme"))).selectByValue("greenery");
      me.findElement(By.id("cost")).sendKeys("20000");
      me.findElement(By.id("author")).sendKeys("Rosa");
      me.findElement(By.id("age")).sendKeys("46");
      submit(me, "main form button[type=submit]");
      assertThat(me.findElement(By.cssSelector(".error-summary")).getText())
          .contains("Your idea was not submitted");

      // 3. staff verify her at the desk
      signIn(staff, "sam@ville.example", "a long staff password");
      staff.get(url("/desk/residents?email=rosa@ville.example&lang=en"));
      new Select(staff.findElement(By.id("document"))).selectByValue("IDENTITY_CARD");
      staff.findElement(By.id("birthDate")).sendKeys("01011980");
      staff.findElement(By.id("postalCode")).sendKeys("5000");
      submit(staff, "form[action$='/verification'] button");
      assertThat(staff.findElement(By.id("verified")).getText())
          .contains("The verification is recorded");
      staffBrowser.screenshot(ResidentBrowserTest.images().resolve("portal-desk.png"));
      me.get(url("/account?lang=en"));
      assertThat(me.findElement(By.tagName("main")).getText()).contains("1980");

      // 4. now the idea is submitted
      me.get(url("/editions/e2e/ideas/new?lang=en"));
      me.findElement(By.id("title")).sendKeys("Benches by the pond");
      me.findElement(By.id("description")).sendKeys("Ten benches along the pond.");
      new Select(me.findElement(By.id("theme"))).selectByValue("greenery");
      me.findElement(By.id("cost")).sendKeys("20000");
      me.findElement(By.id("author")).sendKeys("Rosa");
      me.findElement(By.id("age")).sendKeys("46");
      submit(me, "main form button[type=submit]");
      assertThat(me.findElement(By.cssSelector(".success")).getText())
          .contains("Your idea is submitted.");

      // 5. staff review the three ideas and put them on the ballot
      phase(staff, "feasibility");
      for (int i = 0; i < 3; i++) {
        staff.get(url("/staff/editions/e2e?lang=en"));
        submit(staff, "form[action$='/status'] input[value=UNDER_REVIEW] ~ button");
      }
      staff.get(url("/staff/editions/e2e?lang=en"));
      staffBrowser.screenshot(ResidentBrowserTest.images().resolve("portal-staff-review.png"));
      for (int i = 0; i < 3; i++) {
        staff.get(url("/staff/editions/e2e?lang=en"));
        submit(staff, "form[action$='/review'] button");
        assertThat(staff.findElement(By.cssSelector(".success")).getText())
            .contains("The review is recorded.");
      }
      phase(staff, "validation");
      for (int i = 0; i < 3; i++) {
        staff.get(url("/staff/editions/e2e?lang=en"));
        var rows = staff.findElements(By.cssSelector("tbody tr"));
        var row =
            rows.stream().filter(r -> r.getText().contains("Feasible")).findFirst().orElseThrow();
        new Select(row.findElement(By.cssSelector("select[name=to]"))).selectByValue("ON_BALLOT");
        row.findElement(By.cssSelector("form[action$='/status'] button")).click();
        assertThat(staff.findElement(By.cssSelector(".success")).getText())
            .contains("The project is moved.");
      }
      phase(staff, "vote");
      staff.get(url("/staff/editions/e2e?lang=en"));
      java.time.LocalDateTime here =
          java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Brussels"))
              .withNano(0)
              .withSecond(0);
      org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) staff;
      js.executeScript(
          "document.getElementById('opens-e2e-city').value = arguments[0];"
              + "document.getElementById('closes-at-e2e-city').value = arguments[1];",
          here.minusHours(1).toString(),
          here.plusDays(1).toString());
      submit(staff, "form[action$='/declaration'] button");
      assertThat(staff.findElement(By.cssSelector(".success, .error-summary")).getText())
          .contains("The vote is declared");

      // 6. the resident's over-budget basket is refused, then a valid one counts
      me.get(url("/editions/e2e/vote/e2e-city?lang=en"));
      for (var box : me.findElements(By.cssSelector("input[type=checkbox][name=project]"))) {
        box.click();
      }
      submit(me, "button[value=vote]");
      assertThat(me.findElement(By.cssSelector(".error-summary")).getText())
          .contains("Your ballot was not accepted")
          .contains("110,000");
      for (var box : me.findElements(By.cssSelector("input[type=checkbox][name=project]"))) {
        if (box.isSelected()
            && me.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"))
                .getText()
                .contains("playground")) {
          box.click();
        }
      }
      submit(me, "button[value=vote]");
      String receipt = me.findElement(By.id("receipt-code")).getText();
      assertThat(receipt).isNotBlank();
      me.get(url("/receipts?budget=e2e-city&code=" + receipt + "&lang=en"));
      assertThat(me.findElement(By.id("receipt-answer")).getText())
          .isEqualTo("A ballot with this receipt is in the count.");

      // 7. staff close the vote (and the desk), the results show
      staff.get(url("/staff/editions/e2e?lang=en"));
      staff.findElement(By.id("desk-too-e2e-city")).click();
      staff.findElement(By.id("vote-why-e2e-city")).sendKeys("The vote is over");
      submit(staff, "form[action='/staff/editions/e2e/vote/e2e-city'] button");
      assertThat(staff.findElement(By.cssSelector(".success, .error-summary")).getText())
          .contains("The vote now closes on");
      new WebDriverWait(me, Duration.ofSeconds(15))
          .until(
              d -> {
                d.get(url("/editions/e2e/results?lang=en"));
                return d.findElement(By.tagName("main")).getText().contains("ballots counted");
              });
      String results = me.findElement(By.tagName("main")).getText();
      assertThat(results).contains("1 ballots counted.").contains("Benches by the pond");
      resident.screenshot(ResidentBrowserTest.images().resolve("portal-results.png"));
    }
  }
}

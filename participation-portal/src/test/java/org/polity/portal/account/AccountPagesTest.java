package org.polity.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.eligibility.DeskAttestation;
import org.polity.eligibility.Evidence;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.portal.pages.PortalHttp;

/**
 * The portal's accounts on the real server (H2) with a real SMTP server (GreenMail): sign-up,
 * sign-in, throttling, forms without their token, password reset by mail, the first administrator's
 * set-up link, the cookie's reach, the stored hash and the staff's verification.
 */
class AccountPagesTest {

  /** The start-up messages of the service, where the set-up link is logged. */
  static final Logger SERVICE_LOG = Logger.getLogger(AccountService.class.getName());

  static final List<String> LOGGED = new CopyOnWriteArrayList<>();

  static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          LOGGED.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @TempDir static Path data;
  static GreenMail smtp;
  static PolityServer server;

  @BeforeAll
  static void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    SERVICE_LOG.addHandler(CAPTURE);
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    settings.put("polity.mail.host", "127.0.0.1");
    settings.put("polity.mail.port", Integer.toString(smtp.getSmtp().getPort()));
    settings.put("polity.mail.from", "participation@example.be");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
  }

  @AfterAll
  static void stop() {
    SERVICE_LOG.removeHandler(CAPTURE);
    if (server != null) {
      server.close();
    }
    smtp.stop();
  }

  /** A new e-mail for each test, so that the tests share one server without meeting. */
  static String email() {
    return "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.be";
  }

  /**
   * Signs up through the form.
   *
   * @return the answer
   */
  static HttpResponse<String> signUp(
      PortalHttp browser, String name, String email, String password) {
    String form = browser.get("/sign-up").body();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", PortalHttp.csrf(form));
    fields.put("name", name);
    fields.put("email", email);
    fields.put("password", password);
    return browser.post("/sign-up", fields);
  }

  static HttpResponse<String> signIn(PortalHttp browser, String email, String password) {
    String form = browser.get("/sign-in").body();
    return browser.post(
        "/sign-in",
        Map.of(
            "csrf",
            PortalHttp.csrf(form),
            "email",
            email,
            "password",
            password,
            "then",
            "/account"));
  }

  /** The main flow, on any database: sign up, sign in, the account page, sign out. */
  static void signUpSignInAndSeeTheAccount(PolityServer server) {
    PortalHttp browser = new PortalHttp(server.uri());
    String email = email();
    HttpResponse<String> created = signUp(browser, "Ada Lovelace", email, "a long enough secret");
    assertThat(created.statusCode()).isEqualTo(303);
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/sign-in?created=1");

    HttpResponse<String> signedIn = signIn(browser, email, "a long enough secret");
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/account");
    String cookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(SessionFilter.COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

    HttpResponse<String> account = browser.get("/account", "Accept-Language", "en");
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body())
        .contains("Ada Lovelace")
        .contains(email.toLowerCase())
        .contains("have not been verified yet")
        .contains("action=\"/sign-out\"");

    HttpResponse<String> out =
        browser.post("/sign-out", Map.of("csrf", PortalHttp.csrf(account.body())));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(browser.get("/account").statusCode()).isEqualTo(303);
  }

  @Test
  void aResidentSignsUpSignsInAndSeesTheirAccount() {
    signUpSignInAndSeeTheAccount(server);
  }

  @Test
  void theSignUpFormNamesEveryBadFieldInTheReadersLanguage() {
    PortalHttp browser = new PortalHttp(server.uri());
    browser.get("/?lang=fr");
    HttpResponse<String> refused = signUp(browser, "", "not-an-address", "short");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("class=\"error-summary\"")
        .contains("href=\"#name\"")
        .contains("href=\"#email\"")
        .contains("href=\"#password\"")
        .contains("Choisissez un mot de passe d’au moins 12 caractères")
        .contains("aria-invalid=\"true\"");
    String email = email();
    HttpResponse<String> same = signUp(browser, "Bob", email, email.toLowerCase());
    assertThat(same.statusCode()).isEqualTo(422);
    assertThat(same.body()).contains("ne peut pas être votre adresse e-mail");
  }

  @Test
  void aWrongPasswordIsRefusedAndTheEMailIsNotTold() {
    PortalHttp browser = new PortalHttp(server.uri());
    String email = email();
    signUp(browser, "Carla", email, "the right password");
    HttpResponse<String> wrong = signIn(browser, email, "the wrong password");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("The e-mail address or the password is wrong.");
    assertThat(wrong.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(SessionFilter.COOKIE + "="));
    HttpResponse<String> unknown = signIn(browser, email(), "the wrong password");
    assertThat(unknown.statusCode()).isEqualTo(403);
    assertThat(unknown.body()).contains("The e-mail address or the password is wrong.");
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordWaits() {
    PortalHttp browser = new PortalHttp(server.uri());
    String email = email();
    signUp(browser, "Dirk", email, "the right password");
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(browser, email, "wrong password " + i).statusCode()).isEqualTo(403);
    }
    HttpResponse<String> throttled = signIn(browser, email, "the right password");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).contains("Too many failed sign-ins: wait 15 minutes");
    // another resident from the same address is not held back by these five
    String other = email();
    signUp(browser, "Eva", other, "another right password");
    assertThat(signIn(browser, other, "another right password").statusCode()).isEqualTo(303);
  }

  @Test
  void aSignInWithoutItsFormTokenIsRefused() {
    PortalHttp browser = new PortalHttp(server.uri());
    String email = email();
    signUp(browser, "Filip", email, "the right password");
    HttpResponse<String> forged =
        browser.post("/sign-in", Map.of("email", email, "password", "the right password"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith(SessionFilter.COOKIE + "="));
  }

  @Test
  void aMailedLinkSetsANewPasswordOnce() throws Exception {
    PortalHttp browser = new PortalHttp(server.uri());
    String email = email();
    signUp(browser, "Greet", email, "the old password");
    String form = browser.get("/password-reset").body();
    HttpResponse<String> asked =
        browser.post("/password-reset", Map.of("csrf", PortalHttp.csrf(form), "email", email));
    assertThat(asked.statusCode()).isEqualTo(200);
    HttpResponse<String> unknown =
        browser.post("/password-reset", Map.of("csrf", PortalHttp.csrf(form), "email", email()));
    assertThat(unknown.body()).isEqualTo(asked.body());

    assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
    MimeMessage mail =
        List.of(smtp.getReceivedMessages()).stream()
            .filter(m -> addressedTo(m, email.toLowerCase()))
            .findFirst()
            .orElseThrow();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    String text = mail.getContent().toString();
    Matcher link = Pattern.compile("(/password-reset/[A-Za-z0-9_-]{43})").matcher(text);
    assertThat(link.find()).as(text).isTrue();
    String path = link.group(1);
    assertThat(text).contains(server.uri().toString().replaceAll("/$", "") + path);

    HttpResponse<String> page = browser.get(path);
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> tooShort =
        browser.post(path, Map.of("csrf", PortalHttp.csrf(page.body()), "password", "short"));
    assertThat(tooShort.statusCode()).isEqualTo(422);
    HttpResponse<String> set =
        browser.post(
            path, Map.of("csrf", PortalHttp.csrf(page.body()), "password", "the new password"));
    assertThat(set.statusCode()).isEqualTo(303);
    assertThat(signIn(new PortalHttp(server.uri()), email, "the old password").statusCode())
        .isEqualTo(403);
    assertThat(signIn(new PortalHttp(server.uri()), email, "the new password").statusCode())
        .isEqualTo(303);

    HttpResponse<String> again =
        browser.post(
            path, Map.of("csrf", PortalHttp.csrf(page.body()), "password", "a third password"));
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(browser.get(path).statusCode()).isEqualTo(404);
  }

  private static boolean addressedTo(MimeMessage message, String to) {
    try {
      return message.getAllRecipients()[0].toString().equals(to);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSetUpLinkCreatesTheFirstAdministratorOnce() {
    String logged = LOGGED.stream().filter(m -> m.contains("/setup/")).findFirst().orElseThrow();
    Matcher token = Pattern.compile("/setup/([A-Za-z0-9_-]{43})").matcher(logged);
    assertThat(token.find()).isTrue();
    String path = "/setup/" + token.group(1);
    PortalHttp browser = new PortalHttp(server.uri());
    HttpResponse<String> form = browser.get(path);
    assertThat(form.statusCode()).isEqualTo(200);
    String email = email();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("csrf", PortalHttp.csrf(form.body()));
    fields.put("name", "The Administrator");
    fields.put("email", email);
    fields.put("password", "administrator password");
    HttpResponse<String> created = browser.post(path, fields);
    assertThat(created.statusCode()).isEqualTo(303);

    fields.put("email", email());
    assertThat(browser.post(path, fields).statusCode()).isEqualTo(404);
    assertThat(browser.get(path).statusCode()).isEqualTo(404);

    PortalHttp admin = new PortalHttp(server.uri());
    assertThat(signIn(admin, email, "administrator password").statusCode()).isEqualTo(303);
    String home = admin.get("/").body();
    assertThat(home).contains("href=\"/staff\"");
  }

  @Test
  void theSessionCookieDoesNotAuthenticateTheApi() {
    PortalHttp browser = new PortalHttp(server.uri());
    String email = email();
    signUp(browser, "Hugo", email, "the right password");
    assertThat(signIn(browser, email, "the right password").statusCode()).isEqualTo(303);
    assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    HttpResponse<String> me = browser.get("/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body().replace(" ", "")).contains("\"signedIn\":false");
  }

  @Test
  void thePasswordIsStoredAsAnArgon2idHashAndTheEMailLowerCased() throws Exception {
    PortalHttp browser = new PortalHttp(server.uri());
    String email = email();
    signUp(browser, "Ines", email, "the stored password");
    try (Connection connection = server.bean(PolityDatabase.class).dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT email, password_hash, roles FROM polity_account WHERE email = ?")) {
      select.setString(1, email.toLowerCase());
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("password_hash"))
            .startsWith("$argon2id$")
            .doesNotContain("the stored password");
        assertThat(row.getString("roles")).isEqualTo("participant");
      }
    }
  }

  @Test
  void staffVerifyAResidentWhoSeesItAndWhoseEvidenceIsAtDeskLevel() {
    PortalHttp browser = new PortalHttp(server.uri());
    String email = email();
    signUp(browser, "Jan", email, "the right password");
    AccountService accounts = server.bean(AccountService.class);
    String id =
        accounts
            .signIn(email, "the right password", "", Optional.empty())
            .orElseThrow()
            .account()
            .id();
    Verification.Evidence seen =
        new Verification.Evidence(
            Optional.of(LocalDate.of(2010, 4, 2)),
            Optional.of("21004"),
            Optional.of("1000"),
            DeskAttestation.Document.IDENTITY_CARD);
    Caller participant = Caller.of(() -> "account:x", Set.of(PolityRole.PARTICIPANT));
    assertThat(accounts.verify(participant, id, seen).refusal()).isPresent();
    Caller encoder = Caller.of(() -> "account:y", Set.of(PolityRole.ENCODER));
    Account verified = accounts.verify(encoder, id, seen).orElseThrow();
    assertThat(verified.verification().orElseThrow().verifiedBy()).isEqualTo(PolityRole.ENCODER);
    assertThat(accounts.grantRoles(encoder, id, Set.of(PolityRole.ENCODER)).refusal()).isPresent();

    AccountPrincipal principal = AccountPrincipal.of(verified);
    assertThat(principal.getName()).isEqualTo("account:" + id);
    Evidence evidence =
        principal.evidence(
            principal, new org.polity.identity.ParticipantKey("v1", AccountService.newToken()));
    assertThat(evidence.toString()).contains("DESK").contains("2010-04-02").contains("21004");

    assertThat(signIn(browser, email, "the right password").statusCode()).isEqualTo(303);
    String page = browser.get("/account", "Accept-Language", "en").body();
    assertThat(page)
        .contains("Verified at the desk on")
        .contains("by an encoder")
        .contains("identity card")
        .contains("postal code 1000");
  }
}

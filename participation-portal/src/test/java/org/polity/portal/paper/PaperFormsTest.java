package org.polity.portal.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.BallotProcess;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.portal.pages.PortalHttp;

/**
 * The printable forms on the real server: a process brought to its vote, its paper ballot and its
 * idea form fetched as PDF in French, Dutch and English, and their text extracted back.
 */
class PaperFormsTest {

  @TempDir static Path data;
  static PolityServer server;
  static BallotProcess small;
  static BallotProcess large;

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeAll
  static void start() {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    settings.put(PaperPages.DESK, "l’accueil de la maison communale, bureau du maïeur");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    small =
        BallotProcess.create(
            server.uri(),
            "paper-2027",
            List.of("paper-2027-city"),
            12_500,
            List.of(4_000L, 3_500L, 5_000L, 2_750L),
            java.util.Arrays.asList("Centre", "North", "Centre", "North"),
            null,
            "{\"everyone\": {}}",
            Set.of(3));
    declareVote(
        small.budget(), "{\"kind\": \"approval\", \"minProjects\": 1, \"maxProjects\": 3}", true);
    List<Long> costs = new ArrayList<>(Collections.nCopies(60, 1_000L));
    List<String> districts = new ArrayList<>(Collections.nCopies(60, "Centre"));
    large =
        BallotProcess.create(
            server.uri(),
            "paper-large",
            List.of("paper-large-city"),
            60_000,
            costs,
            districts,
            null);
    declareVote(large.budget(), "{\"kind\": \"cumulative\", \"pointsToSpread\": 10}", false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theFrenchBallotListsTheProjectsOnItWithTheirCostsTheEnvelopeAndTheLimits() {
    String text = text(pdf("/editions/paper-2027/paper/ballot-paper-2027-city.pdf?lang=fr"));
    assertThat(text)
        .contains("Budget partagé")
        .contains("Bulletin de vote papier - budget paper-2027-city")
        .contains("Enveloppe : 12 500 €")
        .contains("Cochez la case de chaque projet que vous soutenez.")
        .contains("Cochez au moins un projet et au plus 3 projets.")
        .contains("Les projets choisis peuvent coûter ensemble au plus 12 500 €.")
        .contains("ces règles")
        .contains("Électeur ou électrice")
        .contains("Votre identifiant")
        .contains("Réservé au guichet")
        .contains("Confirmé par un second encodeur")
        .contains("le personnel l’encode")
        .contains("page 1 sur 1");
    assertRow(text, "Projet 1", "Centre", "4 000 €");
    assertRow(text, "Projet 2", "North", "3 500 €");
    assertRow(text, "Projet 3", "Centre", "5 000 €");
    assertThat(text).doesNotContain("Projet 4").doesNotContain("2 750");
    assertThat(text)
        .doesNotContain("Tick")
        .doesNotContain("Project ")
        .doesNotContain("Envelope")
        .doesNotContain("page 1 of")
        .doesNotContain("Paper ballot");
  }

  @Test
  void theDutchAndEnglishBallotsWriteAmountsAndTextsTheirOwnWay() {
    String dutch = text(pdf("/editions/paper-2027/paper/ballot-paper-2027-city.pdf?lang=nl"));
    assertThat(dutch)
        .contains("Gedeeld budget")
        .contains("Papieren stembiljet - budget paper-2027-city")
        .contains("Enveloppe: € 12.500")
        .contains("Kruis minstens één project en hoogstens 3 projecten aan.")
        .contains("hoogstens € 12.500 kosten")
        .contains("Voorbehouden aan het loket")
        .contains("pagina 1 van 1")
        .doesNotContain("Tick")
        .doesNotContain("Cochez")
        .doesNotContain("page 1");
    assertRow(dutch, "Project 2", "North", "€ 3.500");
    assertThat(dutch).doesNotContain("Project 4").doesNotContain("2.750");

    String english = text(pdf("/editions/paper-2027/paper/ballot-paper-2027-city.pdf?lang=en"));
    assertThat(english)
        .contains("Shared Budget")
        .contains("Envelope: €12,500")
        .contains("Tick the box of each project you support.")
        .contains("Tick at least one project and at most 3 projects.")
        .contains("The projects you choose may cost at most €12,500 together.")
        .contains("Confirmed by a second encoder")
        .contains("page 1 of 1")
        .doesNotContain("Cochez")
        .doesNotContain("Kruis");
    assertRow(english, "Project 1", "Centre", "€4,000");
    assertRow(english, "Project 3", "Centre", "€5,000");
    assertThat(english).doesNotContain("Project 4").doesNotContain("2,750");
  }

  @Test
  void withoutLangTheFormIsInThePagesLanguage() {
    HttpResponse<byte[]> reply =
        send(
            HttpRequest.newBuilder(
                    base().resolve("/editions/paper-2027/paper/ballot-paper-2027-city.pdf"))
                .header("Accept-Language", "nl-BE,nl;q=0.9")
                .GET(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Disposition"))
        .contains("inline; filename=\"paper-ballot-paper-2027-city-nl.pdf\"");
    assertThat(text(reply.body())).contains("Papieren stembiljet").doesNotContain("Paper ballot");
  }

  @Test
  void aSixtyProjectBallotKeepsEveryProjectOnNumberedPages() {
    byte[] pdf = pdf("/editions/paper-large/paper/ballot-paper-large-city.pdf?lang=en");
    int pages = pages(pdf);
    assertThat(pages).isBetween(2, 4);
    String text = text(pdf);
    for (int page = 1; page <= pages; page++) {
      assertThat(text).contains("page " + page + " of " + pages);
    }
    for (int project = 1; project <= 60; project++) {
      assertRow(text, "Project " + project, "Centre", "€1,000");
    }
    Matcher rows = Pattern.compile("Project \\d+ ?Centre ?€1,000").matcher(text);
    int count = 0;
    while (rows.find()) {
      count++;
    }
    assertThat(count).isEqualTo(60);
    assertThat(text)
        .contains("Write in the box of each project you support the number of points you give it.")
        .contains("Give at most 10 points in all.")
        .contains("Points No. Project District Cost")
        .doesNotContain("second encoder");
  }

  @Test
  void theIdeaFormListsTheFieldsTheThemesTheDistrictsTheConsentAndTheDesk() {
    String french = text(pdf("/editions/paper-2027/paper/idea-form.pdf?lang=fr"));
    assertThat(french)
        .contains("Budget partagé")
        .contains("Formulaire papier de dépôt d’idée")
        .contains("Les idées sont reçues pendant la phase des idées")
        .contains(
            "Déposez ou envoyez ce formulaire à : l’accueil de la maison communale, bureau du maïeur.")
        .contains("Titre de l’idée")
        .contains("Description : quoi, pour qui et pourquoi")
        .contains("Thème (cochez-en un ou plusieurs)")
        .contains("Verdurisation")
        .contains("Quartier")
        .contains("Centre")
        .contains("North")
        .contains("Lieu (adresse ou endroit)")
        .contains("Coût estimé, si vous le connaissez (€)")
        .contains("Vos coordonnées")
        .contains("Courriel")
        .contains("Consentement")
        .contains("J’accepte que mon idée soit publiée")
        .contains("Date et signature")
        .containsPattern("page 1 sur \\d")
        .doesNotContain("Greenery")
        .doesNotContain("Your idea")
        .doesNotContain(" of ");
    String dutch = text(pdf("/editions/paper-2027/paper/idea-form.pdf?lang=nl"));
    assertThat(dutch)
        .contains("Papieren ideeënformulier")
        .contains("Ideeën worden ontvangen")
        .contains("Uw contactgegevens")
        .contains("Toestemming")
        .containsPattern("pagina 1 van \\d")
        .doesNotContain("Your idea");
    String english = text(pdf("/editions/paper-2027/paper/idea-form.pdf?lang=en"));
    assertThat(english)
        .contains("Paper idea form")
        .contains("Greenery")
        .contains("Estimated cost, if you know it (€)")
        .contains("I agree that my idea is published")
        .doesNotContain("Verdurisation")
        .doesNotContain("Votre idée");
  }

  @Test
  void anUnknownEditionOrBudgetIsAnHtml404() {
    for (String path :
        List.of(
            "/editions/paper-2027/paper/ballot-nope.pdf?lang=en",
            "/editions/paper-2027/paper/ballot-paper-large-city.pdf?lang=en",
            "/editions/nope/paper/ballot-paper-2027-city.pdf?lang=en",
            "/editions/nope/paper/idea-form.pdf?lang=en",
            "/editions/nope/paper?lang=en")) {
      HttpResponse<byte[]> reply = fetch(path);
      String body = new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(reply.statusCode()).as(path).isEqualTo(404);
      assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(body).contains("<h1>Not found</h1>").doesNotContain("Exception");
    }
    String budget =
        new String(
            fetch("/editions/paper-2027/paper/ballot-nope.pdf?lang=fr").body(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(budget).contains("L’édition paper-2027 n’a pas de budget nope.");
  }

  @Test
  void aDistrictsBallotListsOnlyItsDistrictsProjectsAgainstItsOwnEnvelope() {
    BallotProcess.create(
        base(),
        "paper-districts",
        List.of("pd-city", "pd-north"),
        13_000,
        List.of(1_100L, 2_200L, 3_300L),
        java.util.Arrays.asList(null, "North", "North"),
        """
        {"budgets": {"pd-north": {"district": "North",
                                  "envelope": {"amount": "4000", "currency": "EUR"}},
                     "pd-city": {"envelope": {"amount": "9000", "currency": "EUR"}}}}
        """);
    String north = text(pdf("/editions/paper-districts/paper/ballot-pd-north.pdf?lang=en"));
    assertThat(north)
        .contains("Envelope: €4,000")
        .doesNotContain("Project 1")
        .doesNotContain("€1,100");
    assertRow(north, "Project 2", "North", "€2,200");
    assertRow(north, "Project 3", "North", "€3,300");
    String city = text(pdf("/editions/paper-districts/paper/ballot-pd-city.pdf?lang=en"));
    assertThat(city)
        .contains("Envelope: €9,000")
        .doesNotContain("Project 2")
        .doesNotContain("Project 3")
        .doesNotContain("€2,200");
    assertRow(city, "Project 1", "-", "€1,100");
  }

  @Test
  void aBudgetWhoseEnvelopeTheProcessDoesNotGiveIsRefusedWithItsReason() {
    BallotProcess.create(
        base(),
        "paper-split",
        List.of("paper-split-centre", "paper-split-north"),
        10_000,
        List.of(1_000L),
        List.of("Centre"),
        null);
    HttpResponse<byte[]> reply =
        fetch("/editions/paper-split/paper/ballot-paper-split-north.pdf?lang=en");
    String body = new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(reply.statusCode()).as(body).isEqualTo(409);
    assertThat(body)
        .contains("<h1>Not available</h1>")
        .contains("paper-split-north")
        .doesNotContain("Exception");
  }

  @Test
  void thePaperPageLinksToEveryFormInTheThreeLanguages() {
    HttpResponse<String> page = browser().get("/editions/paper-2027/paper?lang=fr");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Formulaires papier : Budget partagé");
    for (String lang : List.of("fr", "nl", "en")) {
      String ballot = "/editions/paper-2027/paper/ballot-paper-2027-city.pdf?lang=" + lang;
      String idea = "/editions/paper-2027/paper/idea-form.pdf?lang=" + lang;
      assertThat(page.body()).contains("href=\"" + ballot + "\"").contains("href=\"" + idea + "\"");
      assertThat(pages(pdf(ballot))).isEqualTo(1);
      assertThat(pages(pdf(idea))).isGreaterThanOrEqualTo(1);
    }
  }

  /** The row of a project: its title, district and cost, in this order on one line. */
  static void assertRow(String text, String title, String district, String cost) {
    assertThat(text)
        .containsPattern(
            "(?m)^\\d+ "
                + Pattern.quote(title)
                + " ?"
                + Pattern.quote(district)
                + " ?"
                + Pattern.quote(cost)
                + "$");
  }

  static void declareVote(String budget, String form, boolean secondEncoder) {
    String body =
        "{\"opensAt\": \""
            + Instant.now().minusSeconds(3600)
            + "\", \"closesAt\": \""
            + Instant.now().plusSeconds(86_400)
            + "\", \"changesAllowed\": false, \"secondEncoderRequired\": "
            + secondEncoder
            + ", \"form\": "
            + form
            + "}";
    HttpResponse<String> reply =
        send(
            HttpRequest.newBuilder(server.uri().resolve("api/v1/budgets/" + budget + "/vote"))
                .header("Content-Type", "application/json")
                .header("X-Polity-Dev-User", "ada")
                .header("X-Polity-Dev-Roles", "administrator")
                .PUT(HttpRequest.BodyPublishers.ofString(body)),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
  }

  static HttpResponse<byte[]> fetch(String path) {
    return send(
        HttpRequest.newBuilder(server.uri().resolve(path)).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static byte[] pdf(String path) {
    HttpResponse<byte[]> reply = fetch(path);

    assertThat(reply.statusCode()).as(new String(reply.body())).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).contains("application/pdf");
    return reply.body();
  }

  /** The text of every page, no-break spaces as spaces, pages separated by a form feed. */
  static String text(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      StringBuilder text = new StringBuilder();
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\f');
      }
      reader.close();
      return text.toString()
          .replace('\u00a0', ' ')
          .replaceAll("[ \\t]+", " ")
          .replaceAll("(?m)^ | $", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int pages(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      int pages = reader.getNumberOfPages();
      reader.close();
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static PortalHttp browser() {
    return new PortalHttp(server.uri());
  }

  static URI base() {
    return server.uri();
  }
}

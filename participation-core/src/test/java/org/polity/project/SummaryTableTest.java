package org.polity.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.process.PhaseProgression;
import org.polity.testing.MutableClock;
import org.polity.testing.SampleEditions;

class SummaryTableTest {

  private static final String TRICKY = "Parc \"Léopold\"; bancs, fontaine & œuvres d'art";

  private Edition edition;
  private ProjectId tricky;
  private ProjectId plain;

  @BeforeEach
  void setUp() {
    MutableClock clock =
        new MutableClock(Instant.parse("2027-02-02T09:00:00Z"), SampleEditions.BRUSSELS);
    edition = new Edition(SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF), clock);
    LocalizedText ok = LocalizedText.of("en", "ok");
    edition.calendar().open("submission", "staff", ok).orElseThrow();
    tricky =
        edition
            .submit(
                ProjectProposal.builder()
                    .title(
                        LocalizedText.of("fr", TRICKY)
                            .with("nl", "Leopoldpark: banken\nen fonteinen")
                            .with("en", "Leopold park"))
                    .description(LocalizedText.of("fr", "..."))
                    .theme("greenery")
                    .theme("culture")
                    .estimatedCost(Money.of("12500.50", "EUR"))
                    .district("North")
                    .author(new Author.Association("Quartier Nord"))
                    .channel(new Channel.PaperForm("staff:marc"))
                    .build())
            .orElseThrow();
    plain = edition.submit(SampleEditions.idea("Benches", 8_000)).orElseThrow();
    edition.calendar().open("feasibility", "staff", ok).orElseThrow();
    edition.startReview(tricky, "service:green").orElseThrow();
    edition
        .recordReview(
            tricky, FeasibilityReview.allMet("service:green", Money.of(14_000, "EUR"), ok))
        .orElseThrow();
  }

  @Test
  void theTableParsesBackWithItsColumnsQuotingAndNonAsciiText() throws Exception {
    String csv =
        SummaryTable.toCsv(
            edition.projects(),
            Map.of(tricky, 1_234L),
            SummaryTable.Options.rfc4180(Locale.FRENCH));

    assertThat(csv).startsWith(String.join(",", SummaryTable.COLUMNS) + "\r\n");
    assertThat(csv).contains("\"Parc \"\"Léopold\"\"; bancs, fontaine & œuvres d'art\"");
    assertThat(csv.split("\r\n")).as("CRLF line ends, one line per row").hasSize(3);
    List<Map<String, String>> rows = parse(csv, ',');
    assertThat(rows).hasSize(2);
    Map<String, String> first = rows.get(0);
    assertThat(first.keySet()).containsExactlyElementsOf(SummaryTable.COLUMNS);
    assertThat(first)
        .containsEntry("id", "sb-2027-001")
        .containsEntry("title", TRICKY)
        .containsEntry("status", "FEASIBLE")
        .containsEntry("status_label", "Faisable")
        .containsEntry("themes", "greenery|culture")
        .containsEntry("district", "North")
        .containsEntry("estimated_cost", "12500.5")
        .containsEntry("reviewed_cost", "14000")
        .containsEntry("currency", "EUR")
        .containsEntry("votes", "1234")
        .containsEntry("channel", "paper");
    assertThat(rows.get(1))
        .containsEntry("id", plain.value())
        .containsEntry("title", "FR Benches")
        .containsEntry("status_label", "Déposé")
        .containsEntry("reviewed_cost", "")
        .containsEntry("votes", "")
        .containsEntry("channel", "online");
  }

  @Test
  void lineBreaksInsideAFieldSurviveAndTheLanguageChoosesTitlesAndLabels() throws Exception {
    String csv =
        SummaryTable.toCsv(
            edition.projects(),
            Map.of(),
            SummaryTable.Options.rfc4180(Locale.forLanguageTag("nl")));
    List<Map<String, String>> rows = parse(csv, ',');
    assertThat(rows.get(0))
        .containsEntry("title", "Leopoldpark: banken\nen fonteinen")
        .containsEntry("status_label", "Haalbaar");
    assertThat(rows.get(1)).containsEntry("status_label", "Ingediend");
  }

  @Test
  void theExcelOptionWritesABomAndSemicolonsInUtf8() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SummaryTable.write(
        edition.projects(),
        Map.of(tricky, 7L, plain, 0L),
        SummaryTable.Options.excel(Locale.FRENCH),
        out);
    byte[] bytes = out.toByteArray();
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("id;title;status;");
    List<Map<String, String>> rows = parse(text, ';');
    assertThat(rows.get(0)).containsEntry("title", TRICKY).containsEntry("votes", "7");
    assertThat(rows.get(1)).containsEntry("votes", "0");
  }

  @Test
  void votesForUnknownProjectsOrNegativeCountsAreRefused() {
    assertThatThrownBy(
            () ->
                SummaryTable.toCsv(
                    edition.projects(),
                    Map.of(ProjectId.of("x-1"), 3L),
                    SummaryTable.Options.rfc4180(Locale.ENGLISH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Votes are given for project 'x-1', which is not in the table: give votes only for listed projects.");
    assertThatThrownBy(
            () ->
                SummaryTable.toCsv(
                    edition.projects(),
                    Map.of(plain, -3L),
                    SummaryTable.Options.rfc4180(Locale.ENGLISH)))
        .hasMessage(
            "The vote count -3 of project 'sb-2027-002' is not a count: give zero or more.");
  }

  private static List<Map<String, String>> parse(String csv, char separator) throws Exception {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
    try (MappingIterator<Map<String, String>> it =
        mapper
            .readerForMapOf(String.class)
            .with(schema)
            .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .readValues(csv)) {
      return it.readAll();
    }
  }
}

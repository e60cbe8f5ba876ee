package org.polity.jakarta.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The storage format of published results: documents stored by the first release (without {@code
 * schemaVersion}) read as version 1 and show the same; documents written now carry {@code
 * schemaVersion} 1 and read back as they were; a newer version is refused with a clear message.
 */
class PublishedResultsCodecTest {

  /** A document exactly as the first release stored it in polity_published_results.document. */
  static final String STORED_BY_FIRST_RELEASE =
      "{\"budgetId\":\"sb-2027\",\"processId\":\"sb\",\"rule\":\"greedy\",\"satisfaction\":\"cost\","
          + "\"completion\":\"none\",\"ruleDescription\":\"greedy cost\","
          + "\"countedAt\":\"2027-06-01T10:00:00Z\",\"publishedAt\":\"2027-06-01T10:00:01Z\","
          + "\"ballots\":3,\"ignoredMentions\":0,"
          + "\"budget\":{\"amount\":\"100\",\"currency\":\"EUR\"},"
          + "\"used\":{\"amount\":\"90\",\"currency\":\"EUR\"},"
          + "\"remaining\":{\"amount\":\"10\",\"currency\":\"EUR\"},"
          + "\"winners\":[\"sb-001\"],"
          + "\"notes\":[{\"fr\":\"Note.\",\"nl\":\"Opmerking.\",\"en\":\"Note.\"}],"
          + "\"projects\":[{\"id\":\"sb-001\",\"title\":{\"fr\":\"Un parc\",\"en\":\"A park\"},"
          + "\"cost\":{\"amount\":\"90\",\"currency\":\"EUR\"},\"votes\":3,\"selected\":true,"
          + "\"explanation\":{\"fr\":\"Financé.\",\"nl\":\"Gefinancierd.\",\"en\":\"Funded.\"},"
          + "\"reasons\":[{\"code\":\"greedy.funded\",\"arguments\":[\"1\"]}]},"
          + "{\"id\":\"sb-002\",\"title\":{\"en\":\"A bench\"},"
          + "\"cost\":{\"amount\":\"20\",\"currency\":\"EUR\"},\"votes\":1,\"selected\":false,"
          + "\"reasons\":[]}]}";

  @Test
  void aDocumentStoredByTheFirstReleaseReadsAsVersionOne() {
    JsonObject stored = json(STORED_BY_FIRST_RELEASE);
    assertThat(PublishedResultsCodec.version(stored)).isEqualTo(1);
    JsonObject read = PublishedResultsCodec.read(STORED_BY_FIRST_RELEASE);
    assertThat(read).isEqualTo(stored);
    JsonObject view = ResultsJson.view(read, Locale.FRENCH, false);
    assertThat(view.getBoolean("published")).isTrue();
    assertThat(view.getJsonArray("projects").getJsonObject(0).getString("title"))
        .isEqualTo("Un parc");
    assertThat(view.getJsonArray("projects").getJsonObject(0).getString("explanation"))
        .isEqualTo("Financé.");
    assertThat(view.getJsonArray("projects").getJsonObject(1).getString("title"))
        .isEqualTo("A bench");
    assertThat(view).doesNotContainKey(PublishedResultsCodec.SCHEMA_VERSION);
  }

  @Test
  void writtenDocumentsCarryTheirVersionAndReadBackAsTheyWere() {
    JsonObject document = json(STORED_BY_FIRST_RELEASE);
    String written = PublishedResultsCodec.write(document);
    assertThat(json(written).getInt(PublishedResultsCodec.SCHEMA_VERSION))
        .isEqualTo(PublishedResultsCodec.CURRENT_VERSION);
    assertThat(PublishedResultsCodec.read(written)).isEqualTo(document);
    assertThat(ResultsJson.view(PublishedResultsCodec.read(written), Locale.ENGLISH, false))
        .isEqualTo(ResultsJson.view(document, Locale.ENGLISH, false));
  }

  @Test
  void aVersionFromANewerReleaseIsRefusedWithWhatToDo() {
    String newer = "{\"schemaVersion\":7,\"budgetId\":\"sb-2027\"}";
    assertThatThrownBy(() -> PublishedResultsCodec.read(newer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sb-2027")
        .hasMessageContaining("schema version 7");
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}

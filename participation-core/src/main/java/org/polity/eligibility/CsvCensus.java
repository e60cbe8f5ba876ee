package org.polity.eligibility;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.polity.common.LocalizedText;
import org.polity.eligibility.spi.CensusAnswer;
import org.polity.eligibility.spi.CensusEntry;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.eligibility.spi.CensusSourceProvider;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;

/**
 * A census list read from a CSV file with a header row (UTF-8), with jackson-dataformat-csv.
 *
 * <p>One column holds either raw identifiers (national register numbers...), which are turned into
 * participant keys under every secret version of the keyer while reading and then forgotten, or
 * participant keys already computed ({@code v1:...}). An optional household column holds an opaque
 * household key, so that invitations to a citizens' assembly can be drawn per household ({@link
 * #entries()}). The other columns are ignored.
 *
 * <p>As a ServiceLoader provider its kind is {@code csv}, with options {@code file} (required),
 * {@code column} (default {@code identifier}), {@code content} ({@code identifier} or {@code key},
 * default {@code identifier}) and {@code separator} (default {@code ,}).
 */
public final class CsvCensus implements CensusSource {

  /** What the column holds. */
  public enum Content {
    /** Raw identifiers, keyed while reading. */
    IDENTIFIER,
    /** Participant keys in their textual form. */
    KEY
  }

  private final LocalizedText name;
  private final Set<ParticipantKey> members;
  private final List<CensusEntry> entries;

  private CsvCensus(LocalizedText name, Set<ParticipantKey> members, List<CensusEntry> entries) {
    this.name = name;
    this.members = members;
    this.entries = entries;
  }

  /**
   * Reads a CSV census list.
   *
   * @param file the CSV file
   * @param name the list's name, for messages
   * @param column the header of the column to read
   * @param content what the column holds
   * @param separator the column separator
   * @param keyer computes keys from raw identifiers
   * @return the list
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the line if the column is absent or a value malformed
   */
  public static CsvCensus read(
      Path file,
      LocalizedText name,
      String column,
      Content content,
      char separator,
      ParticipantKeyer keyer)
      throws IOException {
    return read(file, name, column, content, null, separator, keyer);
  }

  /**
   * Reads a CSV census list or register with a household column.
   *
   * @param file the CSV file
   * @param name the list's name, for messages
   * @param column the header of the column to read
   * @param content what the column holds
   * @param householdColumn the header of the column holding an opaque household key, or null if the
   *     file has none (each person is then a household of their own)
   * @param separator the column separator
   * @param keyer computes keys from raw identifiers
   * @return the list
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the line if a column is absent or a value malformed
   */
  public static CsvCensus read(
      Path file,
      LocalizedText name,
      String column,
      Content content,
      String householdColumn,
      char separator,
      ParticipantKeyer keyer)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(keyer, "keyer");
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
    Set<ParticipantKey> members = new HashSet<>();
    Map<ParticipantKey, CensusEntry> listed = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> rows =
            mapper.readerForMapOf(String.class).with(schema).readValues(reader)) {
      int line = 1;
      while (rows.hasNextValue()) {
        Map<String, String> row = rows.nextValue();
        line++;
        if (!row.containsKey(column)) {
          throw new IllegalArgumentException(
              file
                  + ": there is no column '"
                  + column
                  + "'; the columns are "
                  + row.keySet()
                  + ".");
        }
        if (householdColumn != null && !row.containsKey(householdColumn)) {
          throw new IllegalArgumentException(
              file
                  + ": there is no household column '"
                  + householdColumn
                  + "'; the columns are "
                  + row.keySet()
                  + ".");
        }
        String value = row.get(column);
        if (value == null || value.isBlank()) {
          continue;
        }
        try {
          ParticipantKey current;
          if (content == Content.KEY) {
            current = ParticipantKey.parse(value.strip());
            members.add(current);
          } else {
            current = keyer.key(value);
            members.addAll(keyer.candidates(value));
          }
          String household = householdColumn == null ? null : row.get(householdColumn);
          listed.putIfAbsent(
              current,
              household == null || household.isBlank()
                  ? CensusEntry.alone(current)
                  : new CensusEntry(current, household.strip()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ", line " + line + ": " + e.getMessage(), e);
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid CSV: " + e.getOriginalMessage(), e);
    }
    return new CsvCensus(name, Set.copyOf(members), List.copyOf(listed.values()));
  }

  @Override
  public LocalizedText name() {
    return name;
  }

  @Override
  public CensusAnswer lookup(ParticipantKey participant) {
    return members.contains(Objects.requireNonNull(participant, "participant"))
        ? CensusAnswer.MEMBER
        : CensusAnswer.NOT_MEMBER;
  }

  @Override
  public Optional<Stream<CensusEntry>> entries() {
    return Optional.of(entries.stream());
  }

  /** The ServiceLoader provider of kind {@code csv}; see {@link CsvCensus} for its options. */
  public static final class Provider implements CensusSourceProvider {

    /** The provider, as ServiceLoader instantiates it. */
    public Provider() {}

    @Override
    public String kind() {
      return "csv";
    }

    @Override
    public CensusSource open(CensusSettings settings) throws IOException {
      String separator = settings.options().getOrDefault("separator", ",");
      if (separator.length() != 1) {
        throw new IllegalArgumentException(
            "The csv census option 'separator' is '" + separator + "': give one character.");
      }
      String content = settings.options().getOrDefault("content", "identifier");
      Content parsed =
          switch (content) {
            case "identifier" -> Content.IDENTIFIER;
            case "key" -> Content.KEY;
            default ->
                throw new IllegalArgumentException(
                    "The csv census option 'content' is '"
                        + content
                        + "': use 'identifier' or 'key'.");
          };
      return read(
          Path.of(settings.require("file")),
          settings.name(),
          settings.options().getOrDefault("column", "identifier"),
          parsed,
          settings.options().get("household-column"),
          separator.charAt(0),
          settings.keyer());
    }
  }
}

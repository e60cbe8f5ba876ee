package org.polity.project;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.polity.common.ProjectId;

/**
 * The summary table of an edition's projects, as CSV for staff's spreadsheets: one row per project
 * with its status, costs, themes, district, channel and votes. Written with Jackson's CSV module,
 * UTF-8, RFC 4180 (CRLF line ends; fields that hold the separator, a quote or a line break are
 * quoted, and others may be; quotes doubled). A cell that a spreadsheet would run as a formula (it
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) starts with
 * an apostrophe instead ({@link org.polity.common.CsvCells}).
 *
 * <p>Columns, in order: {@link #COLUMNS}. Header names are stable English codes (for scripts); the
 * title and the status label are in the chosen language; amounts are plain decimals with a dot;
 * themes are joined with {@code |}; votes are empty for a project the caller gave no count.
 *
 * <pre>{@code
 * SummaryTable.write(edition.projects(), votes, SummaryTable.Options.excel(Locale.FRENCH), out);
 * }</pre>
 */
public final class SummaryTable {

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "title",
          "status",
          "status_label",
          "themes",
          "district",
          "estimated_cost",
          "reviewed_cost",
          "currency",
          "votes",
          "channel");

  private static final CsvMapper CSV = new CsvMapper();

  private SummaryTable() {}

  /**
   * How to write the table.
   *
   * @param language the language of titles and status labels
   * @param separator the field separator: {@code ','} (RFC 4180) or {@code ';'} (spreadsheets in
   *     French- and Dutch-speaking locales, where the comma is the decimal mark)
   * @param byteOrderMark whether to start with a UTF-8 byte order mark, so that Excel reads UTF-8
   */
  public record Options(Locale language, char separator, boolean byteOrderMark) {

    /** Validates the options. */
    public Options {
      Objects.requireNonNull(language, "language");
      if (separator == '"' || separator == '\r' || separator == '\n') {
        throw new IllegalArgumentException(
            "The separator '" + separator + "' cannot be used: use ',' or ';' (or a tab).");
      }
    }

    /**
     * Plain RFC 4180: comma, no byte order mark.
     *
     * @param language the language of titles and labels
     * @return the options
     */
    public static Options rfc4180(Locale language) {
      return new Options(language, ',', false);
    }

    /**
     * For Excel in Belgium and France: semicolon and a byte order mark.
     *
     * @param language the language of titles and labels
     * @return the options
     */
    public static Options excel(Locale language) {
      return new Options(language, ';', true);
    }
  }

  /**
   * Writes the table as UTF-8 to a stream (left open).
   *
   * @param projects the projects, in the order of the rows
   * @param votes the number of votes per project (projects without an entry get an empty cell)
   * @param options how to write
   * @param out where to write
   * @throws IllegalArgumentException if a vote count is negative or names a project not listed
   * @throws UncheckedIOException if writing fails
   */
  public static void write(
      Collection<Project> projects, Map<ProjectId, Long> votes, Options options, OutputStream out) {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    write(projects, votes, options, writer);
  }

  /**
   * Writes the table to a character stream (flushed, left open).
   *
   * @param projects the projects, in the order of the rows
   * @param votes the number of votes per project
   * @param options how to write
   * @param writer where to write
   */
  public static void write(
      Collection<Project> projects, Map<ProjectId, Long> votes, Options options, Writer writer) {
    Objects.requireNonNull(projects, "projects");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(options, "options");
    Set<ProjectId> listed = projects.stream().map(Project::id).collect(Collectors.toSet());
    votes.forEach(
        (id, count) -> {
          if (!listed.contains(id)) {
            throw new IllegalArgumentException(
                "Votes are given for project '"
                    + id
                    + "', which is not in the table: give votes only for listed projects.");
          }
          if (count == null || count < 0) {
            throw new IllegalArgumentException(
                "The vote count "
                    + count
                    + " of project '"
                    + id
                    + "' is not a count: give zero or more.");
          }
        });
    CsvSchema.Builder schema = CsvSchema.builder();
    COLUMNS.forEach(schema::addColumn);
    CsvSchema csvSchema =
        schema
            .setUseHeader(true)
            .setColumnSeparator(options.separator())
            .setLineSeparator("\r\n")
            .build();
    try {
      if (options.byteOrderMark()) {
        writer.write('\uFEFF');
      }
      try (SequenceWriter rows =
          CSV.writer(csvSchema)
              // Jackson's default quoting heuristic may quote more than needed, which RFC 4180
              // allows; its STRICT_CHECK_FOR_QUOTING mode is not used because it leaves a lone
              // '\n' unquoted when the line separator is CRLF (jackson-dataformats-text #479).
              .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
              .writeValues(writer)) {
        for (Project project : projects) {
          Map<String, String> row = row(project, votes.get(project.id()), options.language());
          row.replaceAll((column, cell) -> org.polity.common.CsvCells.neutralised(cell));
          rows.write(row);
        }
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The table as a string.
   *
   * @param projects the projects
   * @param votes the votes per project
   * @param options how to write
   * @return the CSV text
   */
  public static String toCsv(
      Collection<Project> projects, Map<ProjectId, Long> votes, Options options) {
    StringWriter writer = new StringWriter();
    write(projects, votes, options, writer);
    return writer.toString();
  }

  /**
   * The table's rows, one per project in the given order, each by {@link #COLUMNS}: what the CSV
   * holds, for the other formats (a spreadsheet).
   *
   * @param projects the projects
   * @param votes the counted votes of each project; a project without is left blank
   * @param language the language of titles and status labels
   * @return the rows
   */
  public static List<Map<String, String>> rows(
      Collection<Project> projects, Map<ProjectId, Long> votes, Locale language) {
    List<Map<String, String>> rows = new java.util.ArrayList<>();
    for (Project project : projects) {
      rows.add(row(project, votes.get(project.id()), language));
    }
    return rows;
  }

  private static Map<String, String> row(Project project, Long votes, Locale language) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", project.id().value());
    row.put("title", project.title().in(language));
    row.put("status", project.status().name());
    row.put("status_label", project.status().displayName(language));
    row.put("themes", String.join("|", project.themes()));
    row.put("district", project.district().orElse(""));
    row.put("estimated_cost", project.estimatedCost().amount().toPlainString());
    row.put(
        "reviewed_cost",
        project.review().map(r -> r.costEstimate().amount().toPlainString()).orElse(""));
    row.put("currency", project.estimatedCost().currency().getCurrencyCode());
    row.put("votes", votes == null ? "" : Long.toString(votes));
    row.put("channel", project.channel().code());
    return row;
  }
}

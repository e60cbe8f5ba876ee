package org.polity.pabulib;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code .pb} files. UTF-8 with or without a byte-order mark; LF or CRLF line endings; fields
 * separated by {@code ;} and quoted with {@code "} (a doubled {@code ""} inside quotes is one
 * quote; a bare quote inside an unquoted field is kept literally, as Python's csv module does). The
 * sections META, PROJECTS and VOTES must come in this order, each name alone on its line (any
 * letter case), followed by its header. Blank lines are ignored.
 *
 * <p>Anything else is refused with a {@link PabulibFormatException} naming the line and what was
 * expected: a missing section, a row with the wrong number of fields, a quoted field not closed on
 * its line (no file in Pabulib spans a field over several lines), text after a closing quote.
 */
public final class PabulibReader {

  private static final List<String> SECTIONS = List.of("meta", "projects", "votes");

  private PabulibReader() {}

  /**
   * Reads a file.
   *
   * @param path the {@code .pb} file
   * @return its content
   * @throws IOException when the file cannot be read
   * @throws PabulibFormatException when the file is not a valid {@code .pb} file
   */
  public static PabulibFile read(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new PabulibFormatException(
          lineOfFirstBadByte(bytes), "the file is not valid UTF-8 text; save it as UTF-8");
    }
    return parse(text);
  }

  /**
   * Reads from a character stream.
   *
   * @param reader the text
   * @return its content
   */
  public static PabulibFile read(Reader reader) {
    try {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[1 << 16];
      int read;
      while ((read = reader.read(buffer)) >= 0) {
        text.append(buffer, 0, read);
      }
      return parse(text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the text of a file.
   *
   * @param text the whole file
   * @return its content
   */
  public static PabulibFile parse(String text) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    List<String> lines = splitLines(text);
    PabulibTable[] tables = new PabulibTable[3];
    int section = -1;
    List<String> header = null;
    List<PabulibTable.Row> rows = null;
    int headerLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 1;
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String trimmed = line.strip().toLowerCase(Locale.ROOT);
      int named = SECTIONS.indexOf(trimmed);
      if (named >= 0) {
        if (named != section + 1) {
          throw new PabulibFormatException(
              lineNumber,
              "found section "
                  + line.strip()
                  + " but expected "
                  + (section + 1 < 3
                      ? SECTIONS.get(section + 1).toUpperCase(Locale.ROOT)
                      : "no more sections")
                  + " (sections come in the order META, PROJECTS, VOTES, once each)");
        }
        if (section >= 0) {
          tables[section] = table(header, rows, headerLine, SECTIONS.get(section));
        }
        section = named;
        header = null;
        rows = new ArrayList<>();
        continue;
      }
      if (section < 0) {
        throw new PabulibFormatException(
            lineNumber,
            "expected the section name META on the first non-blank line, found: "
                + abbreviate(line));
      }
      List<String> cells = splitFields(line, lineNumber);
      if (header == null) {
        header = cells;
        headerLine = lineNumber;
        checkHeader(header, lineNumber, SECTIONS.get(section));
      } else {
        if (cells.size() != header.size()) {
          throw new PabulibFormatException(
              lineNumber,
              "expected "
                  + header.size()
                  + " fields separated by ';' ("
                  + String.join(";", header)
                  + ") but found "
                  + cells.size());
        }
        rows.add(new PabulibTable.Row(cells, lineNumber));
      }
    }
    if (section < 2) {
      throw new PabulibFormatException(
          lines.size(),
          "the file ends before the section "
              + SECTIONS.get(section + 1).toUpperCase(Locale.ROOT)
              + " (a .pb file has META, PROJECTS and VOTES sections)");
    }
    tables[2] = table(header, rows, headerLine, "votes");
    return new PabulibFile(tables[0], tables[1], tables[2]);
  }

  private static PabulibTable table(
      List<String> header, List<PabulibTable.Row> rows, int headerLine, String section) {
    if (header == null) {
      throw new PabulibFormatException(
          headerLine, "the section " + section.toUpperCase(Locale.ROOT) + " has no header line");
    }
    return new PabulibTable(header, rows);
  }

  private static void checkHeader(List<String> header, int line, String section) {
    List<String> seen = new ArrayList<>();
    for (String name : header) {
      if (seen.contains(name)) {
        throw new PabulibFormatException(
            line,
            "the "
                + section.toUpperCase(Locale.ROOT)
                + " header names the column '"
                + name
                + "' twice");
      }
      seen.add(name);
    }
    if (section.equals("meta") && header.size() != 2) {
      throw new PabulibFormatException(
          line,
          "expected the META header key;value (two fields), found " + String.join(";", header));
    }
  }

  /** Splits on LF, CRLF or a lone CR; a final line ending does not make an extra line. */
  static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < length) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** Splits one line into fields with Python csv semantics (delimiter ';', quote '"'). */
  static List<String> splitFields(String line, int lineNumber) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int length = line.length();
    while (true) {
      field.setLength(0);
      if (i < length && line.charAt(i) == '"') {
        int openedAt = i;
        i++;
        boolean closed = false;
        while (i < length) {
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < length && line.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        if (!closed) {
          throw new PabulibFormatException(
              lineNumber,
              "the quoted field starting at column "
                  + (openedAt + 1)
                  + " is not closed on this line (expected a closing '\"')");
        }
        if (i < length && line.charAt(i) != ';') {
          throw new PabulibFormatException(
              lineNumber,
              "expected ';' or the end of the line after the closing quote at column "
                  + i
                  + ", found '"
                  + line.charAt(i)
                  + "'");
        }
      } else {
        while (i < length && line.charAt(i) != ';') {
          field.append(line.charAt(i));
          i++;
        }
      }
      fields.add(field.toString());
      if (i >= length) {
        return fields;
      }
      i++; // the ';'
    }
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }

  private static int lineOfFirstBadByte(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        try {
          decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes, start, i - start));
        } catch (CharacterCodingException e) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 0;
  }
}

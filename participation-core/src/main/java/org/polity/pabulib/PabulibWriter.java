package org.polity.pabulib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code .pb} files: UTF-8 without byte-order mark, LF line endings, {@code ;} separators; a
 * field is quoted (with inner quotes doubled) when it contains {@code ;}, starts with a quote, or
 * holds a line break, so that {@link PabulibReader} reads back exactly the same cells.
 */
public final class PabulibWriter {

  private PabulibWriter() {}

  /**
   * Writes a file.
   *
   * @param file the content
   * @param path where to write it (replaced if it exists)
   * @throws IOException when the file cannot be written
   */
  public static void write(PabulibFile file, Path path) throws IOException {
    Files.writeString(path, toText(file), StandardCharsets.UTF_8);
  }

  /**
   * Writes to a character stream.
   *
   * @param file the content
   * @param writer where to write
   */
  public static void write(PabulibFile file, Writer writer) {
    try {
      writer.write(toText(file));
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of a file.
   *
   * @param file the content
   * @return the {@code .pb} text
   */
  public static String toText(PabulibFile file) {
    StringBuilder out = new StringBuilder();
    section(out, "META", file.meta());
    section(out, "PROJECTS", file.projects());
    section(out, "VOTES", file.votes());
    return out.toString();
  }

  private static void section(StringBuilder out, String name, PabulibTable table) {
    out.append(name).append('\n');
    line(out, table.header());
    for (PabulibTable.Row row : table.rows()) {
      line(out, row.cells());
    }
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(';');
      }
      String cell = cells.get(i);
      if (cell.indexOf(';') >= 0
          || cell.startsWith("\"")
          || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0) {
        if (cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
          throw new IllegalArgumentException(
              "The cell '"
                  + cell
                  + "' holds a line break, which a .pb file cannot carry:"
                  + " replace it with a space.");
        }
        out.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        out.append(cell);
      }
    }
    out.append('\n');
  }
}

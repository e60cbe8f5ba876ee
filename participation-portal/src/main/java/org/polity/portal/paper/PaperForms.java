package org.polity.portal.paper;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.polity.ballot.BallotForm;
import org.polity.ballot.BallotKind;
import org.polity.common.Money;
import org.polity.common.Texts;
import org.polity.jakarta.process.BudgetBallot;
import org.polity.portal.PortalCapability;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.Phase;
import org.polity.process.PhaseKind;
import org.polity.process.Theme;
import org.polity.project.Project;

/**
 * The printable forms of the paper channel, as PDF on A4 pages in French, Dutch or English: the
 * paper ballot of a budget ({@link #ballot}) and the paper idea form of an edition ({@link
 * #ideaForm}). Pure: it writes what it is given and applies no rule of its own (the ballot's
 * projects and the form's limits come from the adapter's services). Every page is numbered "page X
 * of Y".
 *
 * <p>The texts use the standard PDF font Helvetica in the Windows-1252 encoding, which every PDF
 * reader has and which covers French and Dutch (é, è, ë, ï, ç, ’, «», €); a character outside it
 * (in a project's title in another script) is left out of the page.
 */
public final class PaperForms {

  private static final Texts TEXTS = Texts.of(PortalCapability.class);

  private static final BaseFont REGULAR = font(BaseFont.HELVETICA);
  private static final BaseFont BOLD = font(BaseFont.HELVETICA_BOLD);
  private static final Color GREY = new Color(0xEE, 0xEE, 0xEE);

  private PaperForms() {}

  /**
   * The paper ballot of a budget: the edition's title, the budget and its envelope, the
   * instructions that the ballot form gives, the voter's identifier, a table of every project on
   * the ballot (a box to fill, its title, district and cost) and a block for the desk.
   *
   * @param process the edition
   * @param ballot what the budget's ballot holds ({@code Processes.ballot})
   * @param form the vote's ballot form, empty when the vote is not declared yet
   * @param secondEncoder whether the vote requires a second encoder to confirm each paper ballot
   * @param language French, Dutch or English
   * @return the PDF
   * @throws IllegalArgumentException if the ballot is not of this process
   */
  public static byte[] ballot(
      ParticipatoryProcess process,
      BudgetBallot ballot,
      Optional<BallotForm> form,
      boolean secondEncoder,
      Locale language) {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(ballot, "ballot");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(language, "language");
    if (!ballot.process().equals(process.id())) {
      throw new IllegalArgumentException(
          "The ballot of "
              + ballot.budget()
              + " belongs to "
              + ballot.process()
              + ", not to "
              + process.id()
              + ": give the process that declares the budget.");
    }
    Writer w = new Writer(language);
    w.title(process.title().in(language));
    w.subtitle(w.t("paper.ballot.heading", ballot.budget().value()));
    w.line(w.t("paper.ballot.envelope", money(ballot.envelope(), language)), true);

    w.heading(w.t("paper.ballot.instructions"));
    for (String instruction : instructions(form, language)) {
      w.bullet(instruction);
    }

    w.heading(w.t("paper.ballot.voter"));
    w.field(w.t("paper.ballot.identifier"), 24);

    BallotKind kind = form.map(BallotForm::kind).orElse(BallotKind.APPROVAL);
    w.heading(w.t("paper.ballot.projects"), 120);
    PdfPTable table = new PdfPTable(new float[] {1.6f, 1f, 8f, 2.6f, 2.6f});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setSpacingBefore(4);
    Font header = new Font(BOLD, 9);
    for (String column :
        List.of(
            w.t("paper.ballot.column." + kind.name().toLowerCase(Locale.ROOT)),
            w.t("paper.ballot.column.number"),
            w.t("paper.ballot.column.project"),
            w.t("paper.ballot.column.district"),
            w.t("paper.ballot.column.cost"))) {
      PdfPCell cell = new PdfPCell(new Phrase(printable(column), header));
      cell.setBackgroundColor(GREY);
      cell.setPadding(4);
      table.addCell(cell);
    }
    Font body = new Font(REGULAR, 10);
    int number = 0;
    for (Project project : ballot.projects()) {
      number++;
      PdfPCell box = new PdfPCell();
      box.setMinimumHeight(20);
      box.setCellEvent(
          (cell, position, canvases) -> {
            PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
            float size = kind == BallotKind.APPROVAL ? 11 : 14;
            float x = (position.getLeft() + position.getRight() - size) / 2;
            float y = (position.getTop() + position.getBottom() - size) / 2;
            canvas.setLineWidth(0.9f);
            canvas.rectangle(x, y, size, size);
            canvas.stroke();
          });
      table.addCell(box);
      table.addCell(cell(Integer.toString(number), body, Element.ALIGN_RIGHT));
      table.addCell(cell(project.title().in(language), body, Element.ALIGN_LEFT));
      table.addCell(cell(project.district().orElse("-"), body, Element.ALIGN_LEFT));
      table.addCell(cell(money(project.cost(), language), body, Element.ALIGN_RIGHT));
    }
    w.add(table);
    if (ballot.projects().isEmpty()) {
      w.line(w.t("paper.ballot.no-projects"), false);
    }

    w.heading(w.t("paper.ballot.desk"), secondEncoder ? 110 : 70);
    PdfPTable desk = new PdfPTable(new float[] {4f, 3f, 4f});
    desk.setWidthPercentage(100);
    desk.setKeepTogether(true);
    desk.setSpacingBefore(4);
    List<String> rows = new ArrayList<>();
    rows.add(w.t("paper.ballot.desk.encoder"));
    if (secondEncoder) {
      rows.add(w.t("paper.ballot.desk.second"));
    }
    for (String row : rows) {
      desk.addCell(labelled(row));
      desk.addCell(labelled(w.t("paper.ballot.desk.date")));
      desk.addCell(labelled(w.t("paper.ballot.desk.signature")));
    }
    w.add(desk);
    w.line(w.t("paper.ballot.keep"), false);
    return numbered(
        w.close(), process.title().in(language) + " - " + ballot.budget().value(), language);
  }

  /**
   * The paper idea form of an edition: its title, when ideas are submitted (the phases of kind
   * {@link PhaseKind#IDEA_SUBMISSION}), where to bring the form, the fields of an idea (title,
   * description, theme among the edition's themes, district among the territory's, location,
   * estimated cost), the author's contact details and the consent.
   *
   * @param process the edition
   * @param desk where residents bring the form, as the site's setting says; blank for the default
   *     text
   * @param language French, Dutch or English
   * @return the PDF
   */
  public static byte[] ideaForm(ParticipatoryProcess process, String desk, Locale language) {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(language, "language");
    Writer w = new Writer(language);
    w.title(process.title().in(language));
    w.subtitle(w.t("paper.idea.heading"));
    for (String period : submissionPeriods(process, language)) {
      w.line(period, true);
    }
    w.line(
        w.t(
            "paper.idea.bring",
            desk == null || desk.isBlank() ? w.t("paper.idea.desk-default") : desk.strip()),
        false);

    w.heading(w.t("paper.idea.idea"));
    w.field(w.t("paper.idea.title"), 24);
    w.field(w.t("paper.idea.description"), 150);
    List<Theme> themes = process.themes();
    if (!themes.isEmpty()) {
      w.choices(w.t("paper.idea.themes"), themes.stream().map(t -> t.name().in(language)).toList());
    }
    List<String> districts = process.territory().districts();
    if (districts.isEmpty()) {
      w.field(w.t("paper.idea.district"), 20);
    } else {
      w.choices(w.t("paper.idea.district"), districts);
    }
    w.field(w.t("paper.idea.location"), 36);
    w.field(w.t("paper.idea.cost"), 20);

    w.heading(w.t("paper.idea.author"));
    w.field(w.t("paper.idea.name"), 20);
    w.field(w.t("paper.idea.address"), 34);
    PdfPTable contact = new PdfPTable(2);
    contact.setWidthPercentage(100);
    contact.addCell(w.fieldCell(w.t("paper.idea.email"), 20));
    contact.addCell(w.fieldCell(w.t("paper.idea.phone"), 20));
    w.add(contact);

    w.heading(w.t("paper.idea.consent-heading"), 170);
    w.line(w.t("paper.idea.consent"), false);
    w.choices("", List.of(w.t("paper.idea.consent-tick")));
    w.field(w.t("paper.idea.signature"), 34);
    return numbered(w.close(), process.title().in(language), language);
  }

  /**
   * The instructions of a ballot form, one sentence each, in a language.
   *
   * @param form the form, empty when the vote is not declared yet
   * @param language the language
   * @return the sentences
   */
  public static List<String> instructions(Optional<BallotForm> form, Locale language) {
    List<String> lines = new ArrayList<>();
    if (form.isEmpty()) {
      lines.add(TEXTS.in(language, "paper.ballot.approval"));
      lines.add(TEXTS.in(language, "paper.ballot.no-form"));
      return lines;
    }
    BallotForm f = form.get();
    boolean bounded = f.maxProjects() < Integer.MAX_VALUE;
    switch (f.kind()) {
      case APPROVAL -> {
        lines.add(TEXTS.in(language, "paper.ballot.approval"));
        lines.addAll(counts(f, bounded, language));
      }
      case CUMULATIVE -> {
        lines.add(TEXTS.in(language, "paper.ballot.cumulative"));
        if (f.pointsToSpread() > 0) {
          lines.add(
              TEXTS.in(
                  language,
                  f.spendAllPoints()
                      ? "paper.ballot.points-exactly"
                      : "paper.ballot.points-at-most",
                  f.pointsToSpread()));
        }
        if (f.maxPointsPerProject() > 0) {
          lines.add(TEXTS.in(language, "paper.ballot.points-per-project", f.maxPointsPerProject()));
        }
        lines.addAll(counts(f, bounded, language));
      }
      case CARDINAL -> {
        lines.add(TEXTS.in(language, "paper.ballot.cardinal", f.minScore(), f.maxScore()));
        lines.addAll(counts(f, bounded, language));
      }
      case ORDINAL -> {
        lines.add(
            bounded
                ? TEXTS.in(language, "paper.ballot.ordinal-up-to", f.maxProjects())
                : TEXTS.in(language, "paper.ballot.ordinal"));
        if (f.minProjects() > 0) {
          lines.add(TEXTS.in(language, "paper.ballot.at-least", f.minProjects()));
        }
      }
      default -> throw new IllegalStateException("Unknown ballot kind " + f.kind());
    }
    f.maxTotalCost()
        .ifPresent(
            basket ->
                lines.add(TEXTS.in(language, "paper.ballot.basket", money(basket, language))));
    lines.add(TEXTS.in(language, "paper.ballot.invalid"));
    return lines;
  }

  private static List<String> counts(BallotForm f, boolean bounded, Locale language) {
    if (f.minProjects() > 0 && bounded && f.minProjects() == f.maxProjects()) {
      return List.of(TEXTS.in(language, "paper.ballot.exactly", f.minProjects()));
    }
    if (f.minProjects() > 0 && bounded) {
      return List.of(
          TEXTS.in(language, "paper.ballot.at-least-at-most", f.minProjects(), f.maxProjects()));
    }
    if (f.minProjects() > 0) {
      return List.of(TEXTS.in(language, "paper.ballot.at-least", f.minProjects()));
    }
    if (bounded) {
      return List.of(TEXTS.in(language, "paper.ballot.at-most", f.maxProjects()));
    }
    return List.of();
  }

  /**
   * When ideas are submitted: one sentence per phase of kind {@link PhaseKind#IDEA_SUBMISSION},
   * with its dates in the process's calendar.
   *
   * @param process the edition
   * @param language the language
   * @return the sentences; one saying the dates are on the portal when a phase is undated, or when
   *     the edition has no such phase
   */
  public static List<String> submissionPeriods(ParticipatoryProcess process, Locale language) {
    List<String> periods = new ArrayList<>();
    for (Phase phase : process.phases()) {
      if (phase.kind() != PhaseKind.IDEA_SUBMISSION) {
        continue;
      }
      Optional<LocalDateTime> opens = phase.dates().opening();
      Optional<LocalDateTime> closes = phase.dates().closing();
      String when;
      if (opens.isPresent() && closes.isPresent()) {
        when =
            TEXTS.in(
                language,
                "calendar.from-to",
                date(opens.get(), language),
                date(closes.get(), language));
      } else if (opens.isPresent()) {
        when = TEXTS.in(language, "calendar.from", date(opens.get(), language));
      } else if (closes.isPresent()) {
        when = TEXTS.in(language, "calendar.until", date(closes.get(), language));
      } else {
        when = TEXTS.in(language, "paper.idea.undated");
      }
      periods.add(TEXTS.in(language, "paper.idea.period", when));
    }
    if (periods.isEmpty()) {
      periods.add(
          TEXTS.in(language, "paper.idea.period", TEXTS.in(language, "paper.idea.undated")));
    }
    return periods;
  }

  /**
   * An amount as a reader of the language writes it in Belgium: {@code 12 500 €} in French, {@code
   * € 12.500} in Dutch, {@code €12,500} in English; the spaces are no-break spaces.
   *
   * @param money the amount
   * @param language the language
   * @return the text
   */
  public static String money(Money money, Locale language) {
    NumberFormat format = NumberFormat.getCurrencyInstance(formatLocale(language));
    format.setCurrency(money.currency());
    BigDecimal amount = money.amount();
    int digits = amount.stripTrailingZeros().scale() > 0 ? 2 : 0;
    format.setMaximumFractionDigits(digits);
    format.setMinimumFractionDigits(digits);
    return format.format(amount).replace('\u202f', '\u00a0');
  }

  private static String date(LocalDateTime day, Locale language) {
    return day.toLocalDate()
        .format(
            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formatLocale(language)));
  }

  private static Locale formatLocale(Locale language) {
    return switch (language.getLanguage()) {
      case "fr" -> Locale.forLanguageTag("fr-BE");
      case "nl" -> Locale.forLanguageTag("nl-BE");
      default -> Locale.forLanguageTag("en-IE");
    };
  }

  /** Characters the standard font cannot show are written as their closest printable ones. */
  static String printable(String text) {
    return text.replace('\u202f', '\u00a0').replace('\u2009', ' ').replace('\u2011', '-');
  }

  private static PdfPCell cell(String text, Font font, int alignment) {
    PdfPCell cell = new PdfPCell(new Phrase(printable(text), font));
    cell.setHorizontalAlignment(alignment);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    cell.setMinimumHeight(20);
    cell.setPaddingLeft(4);
    cell.setPaddingRight(4);
    return cell;
  }

  private static PdfPCell labelled(String label) {
    PdfPCell cell = new PdfPCell(new Phrase(printable(label), new Font(REGULAR, 9)));
    cell.setMinimumHeight(40);
    cell.setPadding(4);
    return cell;
  }

  /**
   * Writes the form's name and "page X of Y" at the foot of every page, once the number of pages is
   * known, so that a page that comes loose can be put back.
   */
  private static byte[] numbered(byte[] pdf, String name, Locale language) {
    try {
      PdfReader reader = new PdfReader(pdf);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PdfStamper stamper = new PdfStamper(reader, out);
      int pages = reader.getNumberOfPages();
      Font font = new Font(REGULAR, 9);
      for (int page = 1; page <= pages; page++) {
        Rectangle size = reader.getPageSize(page);
        ColumnText.showTextAligned(
            stamper.getOverContent(page),
            Element.ALIGN_CENTER,
            new Phrase(
                printable(name + "  |  " + TEXTS.in(language, "paper.footer", page, pages)), font),
            (size.getLeft() + size.getRight()) / 2,
            size.getBottom() + 20,
            0);
      }
      stamper.close();
      reader.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BaseFont font(String name) {
    try {
      return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One document being written, in one language. */
  private static final class Writer {
    private final Locale language;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document document = new Document(PageSize.A4, 42, 42, 42, 48);
    private final PdfWriter writer;

    Writer(Locale language) {
      this.language = language;
      writer = PdfWriter.getInstance(document, out);
      writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.getLanguage()));
      document.addCreator("Polity");
      document.open();
    }

    String t(String key, Object... args) {
      return TEXTS.in(language, key, args);
    }

    void add(Element element) {
      try {
        document.add(element);
      } catch (DocumentException e) {
        throw new IllegalStateException("The PDF could not be written: " + e.getMessage(), e);
      }
    }

    void title(String text) {
      document.addTitle(printable(text));
      Paragraph p = new Paragraph(printable(text), new Font(BOLD, 18));
      p.setSpacingAfter(2);
      add(p);
    }

    void subtitle(String text) {
      Paragraph p = new Paragraph(printable(text), new Font(BOLD, 13));
      p.setSpacingAfter(6);
      add(p);
    }

    void heading(String text) {
      heading(text, 90);
    }

    /** A heading, on a new page when less than {@code room} points are left below it. */
    void heading(String text, float room) {
      if (writer.getVerticalPosition(false) - document.bottom() < room) {
        document.newPage();
      }
      Paragraph p = new Paragraph(printable(text), new Font(BOLD, 12));
      p.setSpacingBefore(10);
      p.setSpacingAfter(3);
      p.setKeepTogether(true);
      add(p);
    }

    void line(String text, boolean strong) {
      Paragraph p = new Paragraph(printable(text), new Font(strong ? BOLD : REGULAR, 10));
      p.setSpacingAfter(3);
      add(p);
    }

    void bullet(String text) {
      Paragraph p = new Paragraph();
      p.setIndentationLeft(12);
      p.setFirstLineIndent(-8);
      p.add(new Chunk("- ", new Font(REGULAR, 10)));
      p.add(new Chunk(printable(text), new Font(REGULAR, 10)));
      p.setSpacingAfter(1);
      add(p);
    }

    PdfPCell fieldCell(String label, float height) {
      PdfPTable inner = new PdfPTable(1);
      inner.setWidthPercentage(100);
      PdfPCell name = new PdfPCell(new Phrase(printable(label), new Font(BOLD, 9)));
      name.setBorder(Rectangle.NO_BORDER);
      name.setPaddingLeft(0);
      name.setPaddingBottom(2);
      inner.addCell(name);
      PdfPCell box = new PdfPCell();
      box.setMinimumHeight(height);
      inner.addCell(box);
      PdfPCell outer = new PdfPCell(inner);
      outer.setBorder(Rectangle.NO_BORDER);
      outer.setPadding(2);
      return outer;
    }

    void field(String label, float height) {
      PdfPTable table = new PdfPTable(1);
      table.setWidthPercentage(100);
      table.setKeepTogether(true);
      table.addCell(fieldCell(label, height));
      add(table);
    }

    void choices(String label, List<String> options) {
      if (!label.isEmpty()) {
        Paragraph p = new Paragraph(printable(label), new Font(BOLD, 9));
        p.setSpacingBefore(3);
        add(p);
      }
      PdfPTable table = new PdfPTable(new float[] {1f, 11f, 1f, 11f});
      table.setWidthPercentage(100);
      int columns = options.size() == 1 ? 1 : 2;
      if (columns == 1) {
        table = new PdfPTable(new float[] {1f, 23f});
        table.setWidthPercentage(100);
      }
      for (String option : options) {
        PdfPCell box = new PdfPCell();
        box.setBorder(Rectangle.NO_BORDER);
        box.setMinimumHeight(18);
        box.setCellEvent(
            (cell, position, canvases) -> {
              PdfContentByte canvas = canvases[PdfPTable.LINECANVAS];
              float size = 10;
              float x = position.getLeft() + 2;
              float y = position.getTop() - size - 4;
              canvas.setLineWidth(0.9f);
              canvas.rectangle(x, y, size, size);
              canvas.stroke();
            });
        table.addCell(box);
        PdfPCell text = new PdfPCell(new Phrase(printable(option), new Font(REGULAR, 10)));
        text.setBorder(Rectangle.NO_BORDER);
        text.setPaddingTop(3);
        table.addCell(text);
      }
      table.completeRow();
      add(table);
    }

    byte[] close() {
      document.close();
      return out.toByteArray();
    }
  }
}

package org.polity.portal.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.Texts;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.portal.PortalCapability;

/**
 * What a page knows about the request it answers: the reader's language (with the texts and the
 * formats of numbers, amounts and dates in it), who is signed in, the form token against cross-site
 * requests, and the page's own address (for the language switch). Every template takes one as its
 * first parameter.
 *
 * @param language French, Dutch or English
 * @param caller who asks (anonymous or signed in, with their roles)
 * @param csrf the token every form of the page sends back ({@link CsrfProtection})
 * @param path the page's path and query, without the {@code lang} parameter, such as {@code
 *     /editions/pb-2027}
 * @param siteName the portal's name, as the site's settings give it
 * @param zone the time zone dates are shown in
 */
public record Page(
    Locale language, Caller caller, String csrf, String path, String siteName, ZoneId zone) {

  /** The portal's texts (org/polity/portal/messages*.properties). */
  public static final Texts TEXTS = Texts.of(PortalCapability.class);

  /** The languages of the switch, in its order. */
  public static final List<Locale> LANGUAGES =
      List.of(Locale.FRENCH, Locale.forLanguageTag("nl"), Locale.ENGLISH);

  /** Checks the parts. */
  public Page {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(csrf, "csrf");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(siteName, "siteName");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * A text in the reader's language.
   *
   * @param key the key in the portal's bundle
   * @param args the pattern's arguments
   * @return the text
   */
  public String t(String key, Object... args) {
    return TEXTS.in(language, key, args);
  }

  /**
   * A text of the domain (a project's title, a refusal's detail) in the reader's language.
   *
   * @param text the text in several languages
   * @return the reader's version, or the closest one
   */
  public String t(LocalizedText text) {
    return text == null ? "" : text.in(language);
  }

  /**
   * The language's tag, for {@code <html lang>}.
   *
   * @return {@code fr}, {@code nl} or {@code en}
   */
  public String lang() {
    return language.getLanguage();
  }

  /**
   * An amount as the reader writes it: {@code 12 500 €}, {@code € 12.500}, {@code €12,500}.
   *
   * @param money the amount
   * @return the text
   */
  public String money(Money money) {
    NumberFormat format = NumberFormat.getCurrencyInstance(formatLocale());
    format.setCurrency(money.currency());
    BigDecimal amount = money.amount();
    format.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
    format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
    return format.format(amount);
  }

  /**
   * A whole number with the reader's grouping.
   *
   * @param number the number
   * @return the text
   */
  public String number(long number) {
    return NumberFormat.getIntegerInstance(formatLocale()).format(number);
  }

  /**
   * A share as a percentage, such as {@code 42 %} or {@code 42%}.
   *
   * @param share from 0 to 1
   * @return the text
   */
  public String percent(double share) {
    return NumberFormat.getPercentInstance(formatLocale()).format(share);
  }

  /**
   * A day, written in full in the reader's language.
   *
   * @param day the day
   * @return such as {@code 3 décembre 2026}
   */
  public String date(LocalDate day) {
    return day.format(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formatLocale()));
  }

  /**
   * An instant, as a day and time in the portal's time zone.
   *
   * @param instant the instant
   * @return such as {@code 3 décembre 2026, 14:05}
   */
  public String dateTime(Instant instant) {
    return instant
        .atZone(zone)
        .format(
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(formatLocale()));
  }

  /**
   * An instant's day in the portal's time zone.
   *
   * @param instant the instant
   * @return such as {@code 3 décembre 2026}
   */
  public String date(Instant instant) {
    return date(instant.atZone(zone).toLocalDate());
  }

  /**
   * This page in another language.
   *
   * @param other the language
   * @return the address with {@code lang}
   */
  public String in(Locale other) {
    return path + (path.contains("?") ? "&" : "?") + "lang=" + other.getLanguage();
  }

  /**
   * The name of a language in that language, for the switch.
   *
   * @param other the language
   * @return {@code Français}, {@code Nederlands} or {@code English}
   */
  public String languageName(Locale other) {
    String name = other.getDisplayLanguage(other);
    return name.substring(0, 1).toUpperCase(other) + name.substring(1);
  }

  /**
   * A value as a query parameter.
   *
   * @param value the value
   * @return the encoded value
   */
  public String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Whether someone is signed in.
   *
   * @return whether
   */
  public boolean signedIn() {
    return caller.principal().isPresent();
  }

  /**
   * The signed-in person's name as the sign-in gives it.
   *
   * @return the name, or empty
   */
  public Optional<String> userName() {
    return caller.principal().map(p -> p.getName());
  }

  /**
   * Whether the caller may use the staff pages (reviewers, encoders, staff, moderators,
   * administrators).
   *
   * @return whether
   */
  public boolean staff() {
    return caller.hasAny(
        PolityRole.REVIEWER,
        PolityRole.ENCODER,
        PolityRole.STAFF,
        PolityRole.MODERATOR,
        PolityRole.ADMINISTRATOR);
  }

  /**
   * Whether the caller is an administrator.
   *
   * @return whether
   */
  public boolean administrator() {
    return caller.hasAny(PolityRole.ADMINISTRATOR);
  }

  /** Dutch amounts and dates as in Belgium, French as in Belgium, English as in Ireland (€). */
  private Locale formatLocale() {
    return switch (language.getLanguage()) {
      case "fr" -> Locale.forLanguageTag("fr-BE");
      case "nl" -> Locale.forLanguageTag("nl-BE");
      default -> Locale.forLanguageTag("en-IE");
    };
  }
}

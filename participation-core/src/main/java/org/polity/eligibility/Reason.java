package org.polity.eligibility;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;

/**
 * One reason why a person is not (or not yet) eligible: a {@link ReasonCode} and the arguments of
 * its message, rendered in the reader's language by {@link #message(Locale)} and {@link
 * #remedy(Locale)}.
 *
 * <p>Arguments are {@link String}, {@link Integer}, {@link LocalDate} (written in the reader's
 * style), {@link LocalizedText} (in the reader's language), {@link VerificationLevel} or {@link
 * Address} parts' names (localised), or lists of those (joined).
 *
 * @param code the reason
 * @param arguments the message's arguments, in the order the code documents
 */
public record Reason(ReasonCode code, List<Object> arguments) {

  private static final Texts TEXTS = Texts.of(Reason.class);

  /** Refuses argument types that cannot be rendered. */
  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(arguments, "arguments");
    for (Object argument : arguments) {
      check(argument);
    }
    arguments = List.copyOf(arguments);
  }

  private static void check(Object argument) {
    if (argument instanceof Collection<?> collection) {
      collection.forEach(Reason::check);
      return;
    }
    if (!(argument instanceof String
        || argument instanceof Integer
        || argument instanceof LocalDate
        || argument instanceof LocalizedText
        || argument instanceof VerificationLevel
        || argument instanceof AddressPart)) {
      throw new IllegalArgumentException(
          "A reason argument of type "
              + (argument == null ? "null" : argument.getClass().getName())
              + " cannot be rendered: use String, Integer, LocalDate, LocalizedText,"
              + " VerificationLevel, AddressPart or a list of those.");
    }
  }

  /**
   * A reason.
   *
   * @param code the code
   * @param arguments its arguments
   * @return the reason
   */
  public static Reason of(ReasonCode code, Object... arguments) {
    return new Reason(code, List.of(arguments));
  }

  /**
   * @return the status this reason gives
   */
  public Status status() {
    return code.status();
  }

  /**
   * The reason in the reader's language (French, Dutch or English; other languages get English).
   *
   * @param locale the reader's locale
   * @return the message
   */
  public String message(Locale locale) {
    return TEXTS.in(locale, "reason." + code.name(), render(locale));
  }

  /**
   * What the person could do about it, in the reader's language.
   *
   * @param locale the reader's locale
   * @return the remedy, or empty if nothing can be done
   */
  public Optional<String> remedy(Locale locale) {
    return code.hasRemedy()
        ? Optional.of(TEXTS.in(locale, "remedy." + code.name(), render(locale)))
        : Optional.empty();
  }

  private Object[] render(Locale locale) {
    List<String> rendered = new ArrayList<>();
    for (Object argument : arguments) {
      rendered.add(render(argument, locale));
    }
    return rendered.toArray();
  }

  private static String render(Object argument, Locale locale) {
    if (argument instanceof Collection<?> collection) {
      return collection.stream().map(a -> render(a, locale)).collect(Collectors.joining(", "));
    }
    if (argument instanceof LocalDate date) {
      return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }
    if (argument instanceof LocalizedText text) {
      return text.in(locale);
    }
    if (argument instanceof VerificationLevel level) {
      return TEXTS.in(locale, "level." + level.name());
    }
    if (argument instanceof AddressPart part) {
      return TEXTS.in(locale, "address." + part.name());
    }
    return String.valueOf(argument);
  }
}

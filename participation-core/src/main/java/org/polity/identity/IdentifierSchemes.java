package org.polity.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Built-in {@link IdentifierScheme}s. */
public final class IdentifierSchemes {

  private static final Pattern SCHEME_ID = Pattern.compile("[a-z0-9-]{1,32}");

  private IdentifierSchemes() {}

  /**
   * The Belgian national register number (rijksregisternummer, numéro de registre national): eleven
   * digits {@code YYMMDD SSS CC}, typed with or without dots, dashes and spaces. The check number
   * {@code CC} is 97 minus the first nine digits modulo 97 (with a leading {@code 2} for people
   * born from 2000). The canonical form is the eleven digits.
   *
   * @return the scheme {@code be-nrn}
   */
  public static IdentifierScheme belgianNationalNumber() {
    return BelgianNationalNumber.INSTANCE;
  }

  /**
   * An opaque identifier (an identity provider's subject, a card number): stripped of surrounding
   * spaces and, if asked, upper-cased; otherwise taken as is.
   *
   * @param id the scheme's name, e.g. {@code itsme-sub}
   * @param caseInsensitive whether {@code abc} and {@code ABC} are the same identifier
   * @return the scheme
   */
  public static IdentifierScheme opaque(String id, boolean caseInsensitive) {
    Objects.requireNonNull(id, "id");
    if (!SCHEME_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "The scheme id '"
              + id
              + "' is malformed: use 1 to 32 lower-case letters, digits or '-'.");
    }
    return new IdentifierScheme() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
          throw new IllegalArgumentException("The identifier is blank.");
        }
        String stripped = raw.strip();
        return caseInsensitive ? stripped.toUpperCase(Locale.ROOT) : stripped;
      }

      @Override
      public String toString() {
        return "IdentifierScheme[" + id + "]";
      }
    };
  }

  private enum BelgianNationalNumber implements IdentifierScheme {
    INSTANCE;

    @Override
    public String id() {
      return "be-nrn";
    }

    @Override
    public String normalise(String raw) {
      if (raw == null) {
        throw new IllegalArgumentException("The national register number is missing.");
      }
      String digits = raw.replaceAll("[\\s.\\-/]", "");
      if (!digits.matches("\\d{11}")) {
        throw new IllegalArgumentException(
            "A Belgian national register number has 11 digits (dots, dashes and spaces allowed);"
                + " this one has "
                + digits.length()
                + " characters after removing separators.");
      }
      long base = Long.parseLong(digits.substring(0, 9));
      int check = Integer.parseInt(digits.substring(9));
      boolean before2000 = 97 - (base % 97) == check;
      boolean from2000 = 97 - ((2_000_000_000L + base) % 97) == check;
      if (!before2000 && !from2000) {
        throw new IllegalArgumentException(
            "This Belgian national register number fails its check digits (97 - number mod 97):"
                + " it was probably mistyped.");
      }
      return digits;
    }
  }
}

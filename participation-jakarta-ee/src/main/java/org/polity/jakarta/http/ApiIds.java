package org.polity.jakarta.http;

/** Shared validation patterns of path parameters. */
public final class ApiIds {
  /** An identifier in a path: letters, digits, dot, dash, underscore; 1 to 100 characters. */
  public static final String ID = "[A-Za-z0-9._-]{1,100}";

  /** The message when an identifier does not match {@link #ID}. */
  public static final String ID_MESSAGE =
      "must be 1 to 100 letters, digits, dots, dashes or underscores";

  /**
   * The message template of {@code @Pattern(regexp = ID)}: {@code ProblemMappers} writes it in the
   * reader's language (key {@code validation.polity.id} of the problem texts).
   */
  public static final String ID_TEMPLATE = "{polity.id}";

  private ApiIds() {}
}

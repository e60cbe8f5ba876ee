package org.polity.pabulib;

/**
 * A {@code .pb} file that does not follow the format. The message names the line and what was
 * expected there; nothing is guessed.
 */
public final class PabulibFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The 1-based line number where the problem was found; 0 when it concerns the whole file. */
  private final int line;

  /**
   * A format error.
   *
   * @param line the 1-based line number, or 0 for the whole file
   * @param message what was found and what was expected
   */
  public PabulibFormatException(int line, String message) {
    super(line > 0 ? "line " + line + ": " + message : message);
    this.line = line;
  }

  /**
   * The line of the problem.
   *
   * @return the 1-based line number, or 0 when the problem concerns the whole file
   */
  public int line() {
    return line;
  }
}

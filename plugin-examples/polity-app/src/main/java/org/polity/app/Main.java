package org.polity.app;

import org.polity.app.cli.PolityCommand;

/** Entry point of the {@code polity} launcher. */
public final class Main {

  private Main() {}

  /**
   * Runs the command line and exits with its code: 0 on success, 2 on a bad option or input file, 1
   * on an unexpected failure.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(PolityCommand.commandLine().execute(args));
  }
}

package org.polity.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root {@code polity} command. Each subcommand is its own class, registered in the {@code
 * subcommands} list below.
 */
@Command(
    name = "polity",
    mixinStandardHelpOptions = true,
    versionProvider = PolityCommand.Version.class,
    description =
        "Polity: citizen participation toolkit (participatory budgets, consultations,"
            + " citizens' assemblies, maps of initiatives).",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      ServeCommand.class,
      SortitionCommand.class,
      TallyCommand.class,
    })
public final class PolityCommand implements Runnable {

  /** Exit code for a bad option, argument or input file. */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * The configured command line: usage errors exit with {@link #EXIT_BAD_INPUT}, and an unexpected
   * exception prints one line (no stack trace) and exits with 1.
   *
   * @return a command line ready to execute
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new PolityCommand());
    commandLine.setExecutionExceptionHandler(
        (exception, cl, parseResult) -> {
          PrintWriter err = cl.getErr();
          if (exception instanceof IllegalArgumentException
              || exception instanceof java.io.IOException
              || exception instanceof java.io.UncheckedIOException) {
            err.println("polity " + cl.getCommandName() + ": " + exception.getMessage());
            return EXIT_BAD_INPUT;
          }
          err.println("polity " + cl.getCommandName() + ": unexpected failure: " + exception);
          if (System.getenv("POLITY_DEBUG") != null) {
            exception.printStackTrace(err);
          }
          return 1;
        });
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the version of the packaged application. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = PolityCommand.class.getPackage().getImplementationVersion();
      return new String[] {"polity " + (version == null ? "development build" : version)};
    }
  }
}

package cloud.reencrypt.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of the command-line tool. */
interface Command {
  /** The word that selects this command, e.g. {@code kms}. */
  String name();

  /** One line for the overall help. */
  String summary();

  /** The full usage text printed for {@code <command> --help}. */
  String usage();

  /**
   * Runs the command.
   *
   * @return the process exit status
   * @throws UsageException for bad arguments; Main prints its one-line message and exits 2
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}

package cloud.reencrypt.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Entry point of {@code reencrypt-function.jar}: dispatches to one subcommand. */
public final class Main {
  private static final List<Command> COMMANDS =
      List.of(
          new KmsCommand(),
          new InvokeCommand(),
          new GenerateEventCommand(),
          new ServeCommand(),
          new StartApiCommand(),
          new BenchCommand());

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs the tool in-process; tests call this directly. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || isHelp(args.get(0))) {
      out.print(overview());
      return args.isEmpty() ? 2 : 0;
    }
    Optional<Command> command =
        COMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst();
    if (command.isEmpty()) {
      err.println("reencrypt: unknown command '" + args.get(0) + "' (try --help)");
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.stream().anyMatch(Main::isHelp)) {
      out.print(command.get().usage());
      return 0;
    }
    try {
      return command.get().run(rest, out, err);
    } catch (UsageException e) {
      err.println("reencrypt " + command.get().name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("reencrypt " + command.get().name() + ": " + describe(e));
      return 1;
    }
  }

  /** One line naming the failure; never a stack trace. */
  static String describe(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private static String overview() {
    StringBuilder text =
        new StringBuilder(
            "Usage: java -jar function/target/reencrypt-function.jar <command> [options]\n\n"
                + "Re-encrypts Huawei Cloud KMS ciphertexts; runs the FunctionGraph handlers"
                + " locally.\n\nCommands:\n");
    for (Command command : COMMANDS) {
      text.append(String.format("  %-16s %s%n", command.name(), command.summary()));
    }
    text.append("\nRun '<command> --help' for a command's options.\n");
    return text.toString();
  }
}

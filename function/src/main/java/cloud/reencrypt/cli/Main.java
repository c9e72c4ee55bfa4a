package cloud.reencrypt.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Entry point of {@code reencrypt-function.jar}: dispatches to one subcommand. */
public final class Main {
  /** The commands in help order. */
  private static final List<String> COMMANDS =
      List.of("kms", "invoke", "sweep", "status", "generate-event", "serve", "start-api", "bench");

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
    Command command = command(args.get(0));
    if (command == null) {
      err.println("reencrypt: unknown command '" + args.get(0) + "' (try --help)");
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    for (String arg : rest) {
      if (isHelp(arg)) {
        out.print(command.usage());
        return 0;
      }
    }
    try {
      return command.run(rest, out, err);
    } catch (UsageException e) {
      err.println("reencrypt " + command.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("reencrypt " + command.name() + ": " + describe(e));
      return 1;
    }
  }

  /**
   * The command with this name, or null. Only the one that runs is made: a cold {@code invoke}
   * should not load the servers and benchmarks.
   */
  private static Command command(String name) {
    return switch (name) {
      case "kms" -> new KmsCommand();
      case "invoke" -> new InvokeCommand();
      case "generate-event" -> new GenerateEventCommand();
      case "serve" -> new ServeCommand();
      case "start-api" -> new StartApiCommand();
      case "bench" -> new BenchCommand();
      case "status" -> new StatusCommand();
      case "sweep" -> new SweepCommand();
      // Internal: started by invoke --follow, not listed in COMMANDS.
      case FollowWorkerCommand.NAME -> new FollowWorkerCommand();
      default -> null;
    };
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
    for (String name : COMMANDS) {
      text.append(String.format("  %-16s %s%n", name, command(name).summary()));
    }
    text.append("\nRun '<command> --help' for a command's options.\n");
    return text.toString();
  }
}

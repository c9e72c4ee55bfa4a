package cloud.reencrypt.cli;

/** What the server commands ({@code serve}, {@code start-api}) share on the command line. */
final class ServerCommands {
  private ServerCommands() {}

  /** The {@code --port} value: 0 (any free port) to 65535. */
  static int port(Options options) throws UsageException {
    String text = options.required("--port");
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--port must be a number from 0 (any free port) to 65535");
  }
}

package cloud.reencrypt.cli;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.server.KmsServer;
import cloud.reencrypt.wiring.LocalKms;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code serve --port N [--keystore FILE] [--max-tps N]}: the local KMS server, Huawei Cloud KMS's
 * REST API on 127.0.0.1 over the local engine. Prints one ready line with its URL, then serves
 * until stopped; with {@code --max-tps}, throttles as KMS's gateway does and prints a line per busy
 * second on stderr ({@link ServeSummary}).
 */
final class ServeCommand implements Command {
  /** Far beyond what loopback serves, and within an int's window counts. */
  private static final int MAX_TPS = 1_000_000;

  private final UnaryOperator<String> environment;

  ServeCommand() {
    this(System::getenv);
  }

  ServeCommand(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "Serve the local engine over Huawei Cloud KMS's REST API (AK/SK or token auth)";
  }

  @Override
  public String usage() {
    return """
        Usage: java -jar function/target/reencrypt-function.jar serve --port N [--keystore FILE]
                 [--max-tps N]

        Serves every KMS operation of the local engine on http://127.0.0.1:N at
        POST /v1.0/{project_id}/kms/<operation>, with KMS's JSON, errors and statuses, until
        Ctrl-C. Requests must be signed with SDK-HMAC-SHA256 by an AK/SK of the keystore's
        "credentials" (as Huawei's SDKs sign) or carry an X-Auth-Token of its "auth_tokens".
        POST /v1.0/{project_id}/kms/noop answers {} (the HTTP floor for benchmarks).
        GET /_serve/stats answers the request counts per second of the server's clock.

          --port N          port to listen on; 0 picks a free one
          --keystore FILE   keystore file; default $REENCRYPT_KEYSTORE, else
                            events/keystore.json (the public demo keystore). A missing
                            file is created with a fresh project, credential and token
                            (not at the default path: run from the repository root).
          --max-tps N       answer at most N requests in each whole second (1 to 1000000);
                            the rest get KMS's throttling error, HTTP 429 APIGW.0308, and
                            each second with requests is summed up in one line on stderr

        Prints one line when ready:
          reencrypt serve: listening on http://127.0.0.1:PORT (project PROJECT_ID)
        Keys created through the server are written to the keystore and survive a restart.
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Options options = Options.parse(args, Set.of("--port", "--keystore", "--max-tps"));
    int port = ServerCommands.port(options);
    int maxTps = maxTps(options);
    KeystoreOption keystore = keystore(options);
    try (UntilShutdown shutdown = new UntilShutdown();
        KmsServer server = start(keystore, port, maxTps);
        AutoCloseable summary = summary(server, err)) {
      out.println(
          "reencrypt serve: listening on "
              + server.url()
              + " (project "
              + server.projectId()
              + ")");
      out.flush();
      if (LocalKms.isPublicDemo(keystore.path())) {
        err.println(
            "reencrypt serve: note: "
                + keystore.path()
                + " is the public demo keystore: its keys, AK/SK and token are public, for testing"
                + " only");
      }
      shutdown.await();
      err.println("reencrypt serve: stopping");
    }
    return 0;
  }

  /**
   * The keystore to serve. A missing file is created, except at the default path: that is the
   * committed demo keystore, missing only when the command runs outside the repository root.
   */
  private KeystoreOption keystore(Options options) {
    KeystoreOption keystore = KeystoreOption.of(options.get(KeystoreOption.NAME), environment);
    if (keystore.isDefault()) {
      keystore.requireExisting();
    }
    return keystore;
  }

  /** The server; a keystore that cannot be used is named here, for the user who chose it. */
  private static KmsServer start(KeystoreOption keystore, int port, int maxTps) throws IOException {
    try {
      return LocalKms.serve(keystore.path(), port, Clock.systemUTC(), maxTps);
    } catch (KmsException e) {
      throw new IOException(keystore.naming(e.getMessage()));
    }
  }

  /** The {@code --max-tps} value; 0 when not given. */
  static int maxTps(Options options) throws UsageException {
    Optional<String> text = options.get("--max-tps");
    if (text.isEmpty()) {
      return 0;
    }
    if (text.get().matches("[0-9]{1,7}")) {
      int tps = Integer.parseInt(text.get());
      if (tps >= 1 && tps <= MAX_TPS) {
        return tps;
      }
    }
    throw new UsageException("--max-tps must be a whole number from 1 to " + MAX_TPS);
  }

  /** The per-second summary when there is a limit; nothing to close otherwise. */
  private static AutoCloseable summary(KmsServer server, PrintStream err) {
    return server.windows().limit() > 0
        ? ServeSummary.everySecond(server.windows(), err)
        : () -> {};
  }
}

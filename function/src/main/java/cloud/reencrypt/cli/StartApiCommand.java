package cloud.reencrypt.cli;

import cloud.reencrypt.config.Configuration;
import cloud.reencrypt.config.Platform;
import cloud.reencrypt.fgs.ApigHandler;
import cloud.reencrypt.fgs.local.LocalContext;
import cloud.reencrypt.fgs.local.LocalInvoker;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.server.apig.ApiGatewayServer;
import cloud.reencrypt.server.apig.ApigBackend;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code start-api --port N}: the local API gateway, like {@code sam local start-api}. Each request
 * becomes an APIG event for one warm {@link ApigHandler} instance, with a fresh local context per
 * request and configuration from the environment.
 */
final class StartApiCommand implements Command {
  private final Map<String, String> environment;

  StartApiCommand() {
    this(System.getenv());
  }

  /** A command reading the handler's configuration from a map instead of the environment. */
  StartApiCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public String name() {
    return "start-api";
  }

  @Override
  public String summary() {
    return "Serve the APIG handler over HTTP as API Gateway would, like sam local start-api";
  }

  @Override
  public String usage() {
    return """
        Usage: java -jar function/target/reencrypt-function.jar start-api --port N

        Listens on http://127.0.0.1:N and turns each request into a FunctionGraph API Gateway
        event (body base64-encoded, isBase64Encoded true, as APIG sends by default), runs the
        APIG handler on it and answers with the handler's response, until Ctrl-C. E.g.
          curl -X POST http://127.0.0.1:N/v1/kms/re-encrypt -d @request.json

        The handler's configuration comes from environment variables named as the function's
        user_data (REENCRYPT_ENGINE, REENCRYPT_KEYSTORE, KMS_ENDPOINT, ...; see the README):
        REENCRYPT_ENGINE=kms with KMS_ENDPOINT pointing at `serve` runs the production chain.

          --port N   port to listen on; 0 picks a free one

        Prints one line when ready:
          reencrypt start-api: listening on http://127.0.0.1:PORT
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Options options = Options.parse(args, Set.of("--port"));
    int port = ServerCommands.port(options);
    // A bad configuration fails here, in one line, not at the first request.
    Configuration.read(environment::get, Platform.isFunctionGraph(environment));
    ApigHandler handler = new ApigHandler();
    // As FunctionGraph runs it before the first event: the engine's own settings and credentials
    // are checked here too, and the first request finds the engine built and warm.
    handler.initializer(LocalContext.forUserData(environment));
    try (UntilShutdown shutdown = new UntilShutdown();
        ApiGatewayServer server = ApiGatewayServer.start(port, handlerBackend(handler))) {
      out.println("reencrypt start-api: listening on " + server.url());
      out.flush();
      shutdown.await();
      err.println("reencrypt start-api: stopping");
    }
    return 0;
  }

  /**
   * One warm APIG handler, as a FunctionGraph instance keeps it; each event and answer mapped as
   * the FunctionGraph runtime maps them, each request with a fresh context (request ID, deadline).
   */
  private ApigBackend handlerBackend(ApigHandler handler) {
    return event ->
        LocalInvoker.call(handler, JsonMapping.write(event), LocalContext.forUserData(environment));
  }
}

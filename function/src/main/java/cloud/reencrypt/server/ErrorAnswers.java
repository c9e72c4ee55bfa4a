package cloud.reencrypt.server;

/**
 * A server's answer to a request refused before its handler runs: malformed HTTP, headers over the
 * limit, a target that is not a path, a body that never arrived. Each server answers in its own
 * error format (KMS's nested error for {@code serve}, APIG's flat one for {@code start-api}), so
 * that no client ever sees an HTML page or a stack trace.
 */
@FunctionalInterface
public interface ErrorAnswers {
  /**
   * The answer for an HTTP error status (4xx or 5xx). It must not depend on the request: the
   * request may be unparsable, and nothing of it may be echoed.
   */
  HttpAnswer error(int status);
}

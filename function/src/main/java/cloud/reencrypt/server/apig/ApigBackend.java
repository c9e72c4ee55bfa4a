package cloud.reencrypt.server.apig;

import cloud.reencrypt.fgs.local.ApigEvent;

/** The function behind the local gateway: takes an APIG event, returns the APIG response. */
@FunctionalInterface
public interface ApigBackend {
  /**
   * Runs the function on one event.
   *
   * @param event a FunctionGraph APIG event
   * @return the function's answer as the runtime writes it (a JSON tree, or any value Jackson can
   *     turn into one): {@code statusCode}, {@code headers}, {@code body}, {@code isBase64Encoded}
   * @throws Exception when the function fails; the gateway answers 502
   */
  Object invoke(ApigEvent event) throws Exception;
}

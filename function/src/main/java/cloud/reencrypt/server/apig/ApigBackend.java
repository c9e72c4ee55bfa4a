package cloud.reencrypt.server.apig;

import java.util.Map;

/** The function behind the local gateway: takes an APIG event, returns the APIG response. */
@FunctionalInterface
public interface ApigBackend {
  /**
   * Runs the function on one event.
   *
   * @param event a FunctionGraph APIG event ({@code httpMethod}, {@code path}, {@code headers},
   *     {@code queryStringParameters}, {@code body}, {@code isBase64Encoded}, {@code
   *     requestContext})
   * @return the function's answer: {@code statusCode}, {@code headers}, {@code body}, {@code
   *     isBase64Encoded}
   * @throws Exception when the function fails; the gateway answers 502
   */
  Object invoke(Map<String, Object> event) throws Exception;
}

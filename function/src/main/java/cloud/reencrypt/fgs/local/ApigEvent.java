package cloud.reencrypt.fgs.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API Gateway event as FunctionGraph delivers it to a function, and the one place such events
 * are built: {@code generate-event} ({@link EventTemplates#apig}) and {@code start-api} (an HTTP
 * request) both call {@link #of}. Components are in the order of Huawei's documented sample.
 *
 * @param isBase64Encoded named with its prefix, as the platform's JSON key is
 */
public record ApigEvent(
    String body,
    RequestContext requestContext,
    Map<String, String> queryStringParameters,
    String httpMethod,
    Map<String, String> pathParameters,
    Map<String, String> headers,
    String path,
    // Jackson would otherwise name a boolean "is" accessor's property without the prefix.
    @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

  /**
   * The event's {@code requestContext}.
   *
   * @param sourceIp the client's address, or null when there is none (a generated event)
   */
  public record RequestContext(String apiId, String requestId, String stage, String sourceIp) {
    /** The stage APIG publishes to by default. */
    public static final String RELEASE = "RELEASE";
  }

  /**
   * An event as APIG builds it by default: the body Base64-encoded with {@code isBase64Encoded}
   * true ({@code is_send_fg_body_base64} defaults to true), no path parameters.
   *
   * @param headers header names as APIG passes them (lower case)
   * @param query decoded query parameters, one value each
   */
  public static ApigEvent of(
      String method,
      String path,
      Map<String, String> headers,
      Map<String, String> query,
      byte[] body,
      RequestContext context) {
    return new ApigEvent(
        Base64.getEncoder().encodeToString(body),
        context,
        new LinkedHashMap<>(query),
        method,
        new LinkedHashMap<>(),
        new LinkedHashMap<>(headers),
        path,
        true);
  }
}

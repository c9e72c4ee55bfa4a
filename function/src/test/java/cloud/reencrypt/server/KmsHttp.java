package cloud.reencrypt.server;

import cloud.reencrypt.testing.LocalKmsServer;
import cloud.reencrypt.testing.SdkRequestSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** Real HTTP calls to a {@link LocalKmsServer}: AK/SK-signed, with a token, or hand-made. */
final class KmsHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newHttpClient();
  private final LocalKmsServer kms;
  private final Instant signingTime;

  KmsHttp(LocalKmsServer kms, Instant signingTime) {
    this.kms = kms;
    this.signingTime = signingTime;
  }

  /** An answer: status, headers and the body as JSON. */
  record Reply(int status, HttpHeaders headers, JsonNode json) {
    String errorCode() {
      return json.has("error") ? json.path("error").path("error_code").asText() : "";
    }

    String requestId() {
      return headers.firstValue("X-Request-Id").orElse("");
    }
  }

  /** POST to an operation, signed with the keystore's AK/SK as the Java SDK signs. */
  Reply signed(String operation, String body) {
    return signed(
        kms.url(operation), body, kms.signer(), signingTime, SdkRequestSigner.SDK_DEFAULT);
  }

  /** POST signed by any signer, at any time, with any choice of signed headers. */
  Reply signed(URI url, String body, SdkRequestSigner signer, Instant at, Predicate<String> signs) {
    Map<String, String> headers =
        signer.sign("POST", url, Map.of("Content-Type", HttpAnswer.JSON), utf8(body), at, signs);
    return send(request(url, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** POST with an {@code X-Auth-Token}. */
  Reply token(String operation, String body, String token) {
    return send(
        request(kms.url(operation), Map.of("X-Auth-Token", token))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** POST with only the headers given. */
  Reply post(URI url, Map<String, String> headers, String body) {
    return send(request(url, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder request(URI url, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url);
    headers.forEach(builder::header);
    return builder;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

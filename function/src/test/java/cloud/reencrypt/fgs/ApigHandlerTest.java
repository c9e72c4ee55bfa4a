package cloud.reencrypt.fgs;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.config.ConfigurationException;
import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.kms.KmsEngine;
import cloud.reencrypt.kms.KmsError;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.FailingEngines;
import cloud.reencrypt.testing.JacksonOracle;
import cloud.reencrypt.wiring.EngineFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import com.huawei.services.runtime.entity.apig.APIGTriggerResponse;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApigHandlerTest {
  private final HandlerContexts contexts = new HandlerContexts();

  private static APIGTriggerEvent event(String method, String path, String body) {
    return RuntimeJson.bind(EventTemplates.apig(method, path, body), APIGTriggerEvent.class);
  }

  private static String reEncryptBody(String plaintext) {
    return "{\"cipher_text\":\""
        + DemoKms.encrypt(AES, plaintext)
        + "\",\"destination_key_id\":\""
        + SM4
        + "\"}";
  }

  private APIGTriggerResponse handle(APIGTriggerEvent event) {
    return new ApigHandler(new FunctionSetup(Map.of())).handleRequest(event, contexts.context);
  }

  private static APIGTriggerResponse handleWith(
      KmsEngine engine, APIGTriggerEvent event, HandlerContexts contexts) {
    FunctionSetup setup =
        new FunctionSetup(Map.of(), c -> new EngineFactory.Choice(engine, Optional.empty()));
    return new ApigHandler(setup).handleRequest(event, contexts.context);
  }

  private static JsonNode body(APIGTriggerResponse response) throws Exception {
    return JacksonOracle.read(response.getBody());
  }

  private static void assertError(APIGTriggerResponse response, int status, String code)
      throws Exception {
    assertEquals(status, response.getStatusCode());
    assertEquals(code, body(response).get("error").get("error_code").asText());
    assertEquals("application/json", response.getHeaders().get("Content-Type"));
  }

  @Test
  void handleRequest_base64ReEncrypt_returnsKmsResponseWithHeaders() throws Exception {
    APIGTriggerResponse response =
        handle(event("POST", "/v1.0/p/kms/re-encrypt", reEncryptBody("secret words")));

    assertEquals(200, response.getStatusCode());
    assertFalse(response.isBase64Encoded());
    assertEquals("application/json", response.getHeaders().get("Content-Type"));
    assertEquals(contexts.context.getRequestID(), response.getHeaders().get("X-Request-Id"));
    JsonNode body = body(response);
    assertEquals(SM4, body.get("key_id").asText());
    assertEquals(AES, body.get("source_key_id").asText());
    assertEquals("SYMMETRIC_DEFAULT", body.get("destination_encryption_algorithm").asText());
    assertFalse(contexts.logText().contains("secret words"));
    assertFalse(contexts.logText().contains(body.get("cipher_text").asText()));
  }

  @Test
  void handleRequest_plainBody_isReadAsIs() throws Exception {
    APIGTriggerEvent event = event("POST", "/kms/re-encrypt", "");
    event.setBody(reEncryptBody("plain"));
    event.setIsBase64Encoded(false);

    assertEquals(200, handle(event).getStatusCode());
  }

  @Test
  void handleRequest_batch_returns200WithResults() throws Exception {
    String batch =
        "{\"requests\":["
            + reEncryptBody("a")
            + ",{\"cipher_text\":\"AAAA\",\"destination_key_id\":\""
            + SM4
            + "\"}]}";

    APIGTriggerResponse response = handle(event("POST", "/stage/kms/batch-re-encrypt", batch));

    assertEquals(200, response.getStatusCode());
    assertEquals(1, body(response).get("succeeded").asInt());
    assertEquals(1, body(response).get("results").get(1).get("index").asInt());
  }

  @Test
  void handleRequest_millionDigitNumberInAnIgnoredMember_isKmsInvalidJsonNotAHang()
      throws Exception {
    // Parsed whole, such a number costs quadratic time; the mapper refuses it by its length.
    String body = "{\"ignored\":" + "9".repeat(1_000_000) + ",\"cipher_text\":\"AA==\"}";

    APIGTriggerResponse response = handle(event("POST", "/kms/re-encrypt", body));

    assertError(response, 400, "KMS.0202");
    assertFalse(response.getBody().contains("999"), response.getBody());
  }

  @Test
  void handleRequest_wrongMethod_is405WithAllow() throws Exception {
    APIGTriggerResponse response = handle(event("GET", "/kms/re-encrypt", "{}"));

    assertError(response, 405, "KMS.0215");
    assertEquals("POST", response.getHeaders().get("Allow"));
  }

  @Test
  void handleRequest_unknownOperation_isKmsInvalidUrl() throws Exception {
    assertError(handle(event("POST", "/kms/decrypt-data", "{}")), 400, "KMS.0201");
  }

  @Test
  void handleRequest_eventOverSixMegabytes_is413() throws Exception {
    APIGTriggerEvent event = event("POST", "/kms/re-encrypt", "");
    event.setBody("A".repeat(ApigRequest.EVENT_LIMIT_BYTES + 1));

    assertError(handle(event), 413, "KMS.0203");
  }

  @Test
  void handleRequest_badBodies_areKmsInvalidJson() throws Exception {
    APIGTriggerEvent notBase64 = event("POST", "/kms/re-encrypt", "");
    notBase64.setBody("{not base64!}");

    assertError(handle(notBase64), 400, "KMS.0202");
    assertError(handle(event("POST", "/kms/re-encrypt", "{\"cipher_text\":")), 400, "KMS.0202");
    assertError(handle(event("POST", "/kms/re-encrypt", "[]")), 400, "KMS.0202");
    assertError(handle(event("POST", "/kms/re-encrypt", "")), 400, "KMS.0202");
  }

  @Test
  void handleRequest_engineUnreachable_passesTheEngines503() throws Exception {
    APIGTriggerResponse response =
        handleWith(
            FailingEngines.unreachableAfter(0),
            event("POST", "/kms/re-encrypt", reEncryptBody("x")),
            contexts);

    assertError(response, 503, "KMS.0104");
  }

  @Test
  void handleRequest_defectInTheEngine_is500WithoutDetails() throws Exception {
    KmsEngine broken = engineThrowing(new IllegalStateException("leaked plaintext 12345"));

    APIGTriggerResponse response =
        handleWith(broken, event("POST", "/kms/re-encrypt", reEncryptBody("x")), contexts);

    assertError(response, 500, "KMS.0101");
    assertFalse(response.getBody().contains("12345"));
    assertFalse(response.getBody().contains("at cloud."));
    assertFalse(contexts.logText().contains("12345"));
  }

  @Test
  void handleRequest_engineInternalError_clientGetsKmsGenericMessageAndTheLogTheReason()
      throws Exception {
    KmsEngine broken =
        engineThrowing(KmsError.INTERNAL_ERROR.exception("keystore is unreadable (not JSON)"));

    APIGTriggerResponse response =
        handleWith(broken, event("POST", "/kms/re-encrypt", reEncryptBody("x")), contexts);

    assertError(response, 500, "KMS.0101");
    assertEquals(
        "KMS internal error",
        JacksonOracle.read(response.getBody()).at("/error/error_msg").asText());
    assertTrue(contexts.logText().contains("keystore is unreadable"), contexts.logText());
  }

  /** An engine whose every operation throws {@code failure}. */
  private static KmsEngine engineThrowing(RuntimeException failure) {
    return (KmsEngine)
        Proxy.newProxyInstance(
            KmsEngine.class.getClassLoader(),
            new Class<?>[] {KmsEngine.class},
            (proxy, method, args) -> {
              throw failure;
            });
  }

  @Test
  void handleRequest_badConfiguration_failsWithOneLine() {
    HandlerContexts bad = new HandlerContexts(Map.of("REENCRYPT_ENGINE", "vault"));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new ApigHandler(new FunctionSetup(Map.of()))
                    .handleRequest(
                        event("POST", "/kms/re-encrypt", reEncryptBody("x")), bad.context));

    assertTrue(bad.logText().contains(e.getMessage()));
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void handleRequest_insideFunctionGraphOnDemoKeys_refusesToStart() {
    FunctionSetup insideFunctionGraph = new FunctionSetup(Map.of("RUNTIME_FUNC_NAME", "reencrypt"));
    HandlerContexts allowed = new HandlerContexts(Map.of("REENCRYPT_ALLOW_LOCAL_ENGINE", "true"));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new ApigHandler(insideFunctionGraph)
                    .handleRequest(
                        event("POST", "/kms/re-encrypt", reEncryptBody("x")), allowed.context));

    assertTrue(e.getMessage().contains("public demo keystore"), e.getMessage());
  }

  @Test
  void handleRequest_destinationOutsideAllowList_is403() throws Exception {
    HandlerContexts restricted = new HandlerContexts(Map.of("ALLOWED_DESTINATION_KEY_IDS", AES));

    APIGTriggerResponse response =
        new ApigHandler(new FunctionSetup(Map.of()))
            .handleRequest(
                event("POST", "/kms/re-encrypt", reEncryptBody("x")), restricted.context);

    assertError(response, 403, "KMS.0306");
  }

  @Test
  void handleRequest_engineIsBoundedByTheInvocationsRemainingTime() {
    java.util.concurrent.atomic.AtomicReference<java.util.function.LongSupplier> bound =
        new java.util.concurrent.atomic.AtomicReference<>();
    KmsEngine recording =
        (KmsEngine)
            Proxy.newProxyInstance(
                KmsEngine.class.getClassLoader(),
                new Class<?>[] {KmsEngine.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("withRemainingTime")) {
                    bound.set((java.util.function.LongSupplier) args[0]);
                    return DemoKms.engine();
                  }
                  return method.invoke(DemoKms.engine(), args);
                });

    APIGTriggerResponse response =
        handleWith(recording, event("POST", "/kms/re-encrypt", reEncryptBody("x")), contexts);

    assertEquals(200, response.getStatusCode());
    assertEquals(contexts.context.getRemainingTimeInMilliSeconds(), bound.get().getAsLong());
    assertEquals(60_000, bound.get().getAsLong());
  }
}

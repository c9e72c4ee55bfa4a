package cloud.reencrypt.fgs;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.RuntimeJson;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import com.huawei.services.runtime.entity.apig.APIGTriggerResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSON escape can put a lone UTF-16 surrogate into a field; through the API handler such AAD is
 * KMS's 400 invalid parameter, not a "?" that another AAD would also match.
 */
class ApigHandlerUnicodeTest {
  private final HandlerContexts contexts = new HandlerContexts();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "source_additional_authenticated_data",
        "destination_additional_authenticated_data"
      })
  void handleRequest_reEncryptAadWithLoneSurrogate_is400InvalidParameter(String field)
      throws Exception {
    String body =
        "{\"cipher_text\":\""
            + DemoKms.encrypt(AES, "secret words")
            + "\",\"destination_key_id\":\""
            + SM4
            + "\",\""
            + field
            + "\":\"ctx\\ud800\"}";
    APIGTriggerEvent event =
        RuntimeJson.bind(
            EventTemplates.apig("POST", "/v1.0/p/kms/re-encrypt", body), APIGTriggerEvent.class);

    APIGTriggerResponse response =
        new ApigHandler(new FunctionSetup(Map.of())).handleRequest(event, contexts.context);

    assertEquals(400, response.getStatusCode());
    assertEquals(
        "KMS.0308", JacksonOracle.read(response.getBody()).at("/error/error_code").asText());
  }

  @Test
  void handleRequest_bodyWithARawLoneSurrogate_is400MalformedJson() {
    // Not an escape: the event's body string itself holds the lone surrogate.
    String body =
        "{\"cipher_text\":\""
            + DemoKms.encrypt(AES, "secret words")
            + "\",\"destination_key_id\":\""
            + SM4
            + "\",\"source_additional_authenticated_data\":\"ctx\ud800\"}";
    APIGTriggerEvent event =
        RuntimeJson.bind(
            EventTemplates.apig("POST", "/v1.0/p/kms/re-encrypt", "{}"), APIGTriggerEvent.class);
    event.setIsBase64Encoded(false);
    event.setBody(body);

    APIGTriggerResponse response =
        new ApigHandler(new FunctionSetup(Map.of())).handleRequest(event, contexts.context);

    assertEquals(400, response.getStatusCode(), response.getBody());
    assertEquals(
        "KMS.0202", JacksonOracle.read(response.getBody()).at("/error/error_code").asText());
  }
}

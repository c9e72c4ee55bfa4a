package cloud.reencrypt.service;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.BatchReEncrypt.BatchError;
import cloud.reencrypt.service.BatchReEncrypt.BatchResponse;
import cloud.reencrypt.testing.DemoKms;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchReEncryptTest {
  private final BatchReEncrypt batch =
      new BatchReEncrypt(
          new ReEncryptService(
              DemoKms.engine(),
              new KeyAllowList("source", Set.of()),
              new KeyAllowList("destination", Set.of())));

  private static byte[] body(List<Object> requests) {
    return JsonMapping.write(Map.of("requests", requests)).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> request(String cipherText, String destination) {
    return Map.of("cipher_text", cipherText, "destination_key_id", destination);
  }

  private static String code(BatchReEncrypt batch, byte[] body) {
    return assertThrows(KmsException.class, () -> batch.run(body)).errorCode();
  }

  @Test
  void run_mixedRequests_givesResultsInOrderAndEveryError() {
    List<Object> requests =
        List.of(
            request(DemoKms.encrypt(AES, "one"), SM4),
            request("AAAA", SM4),
            "not an object",
            request(DemoKms.encrypt(SM4, "four"), AES),
            Map.of("cipher_text", "x"));

    BatchResponse response = batch.run(body(requests));

    assertEquals(2, response.succeeded());
    assertEquals(3, response.failed());
    assertEquals(SM4, assertInstanceOf(ReEncryptResponse.class, response.results().get(0)).keyId());
    assertEquals(new BatchError(1, errorOf(response, 1)), response.results().get(1));
    assertEquals("KMS.2201", errorOf(response, 1).errorCode());
    assertEquals("KMS.0308", errorOf(response, 2).errorCode());
    assertEquals(AES, assertInstanceOf(ReEncryptResponse.class, response.results().get(3)).keyId());
    assertEquals("KMS.0204", errorOf(response, 4).errorCode());
  }

  @Test
  void run_serialised_hasIndexAndKmsErrorObject() throws Exception {
    List<Object> requests = List.of(request("AAAA", SM4));

    JsonNode json = JacksonOracle.read(KmsJson.write(batch.run(body(requests))));

    assertEquals(0, json.get("results").get(0).get("index").asInt());
    assertEquals("KMS.2201", json.get("results").get(0).get("error").get("error_code").asText());
    assertEquals(0, json.get("succeeded").asInt());
    assertEquals(1, json.get("failed").asInt());
  }

  @Test
  void run_emptyOrOverLimit_isBadRequest() {
    List<Object> tooMany = new ArrayList<>();
    for (int i = 0; i <= BatchReEncrypt.MAX_REQUESTS; i++) {
      tooMany.add(Map.of());
    }

    assertEquals("KMS.0308", code(batch, body(List.of())));
    assertEquals("KMS.0308", code(batch, body(tooMany)));
  }

  @Test
  void run_requestsMissingOrNotAList_isBadRequest() {
    assertEquals("KMS.0204", code(batch, "{}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("KMS.0308", code(batch, "{\"requests\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
  }

  private static KmsException.Detail errorOf(BatchResponse response, int index) {
    return assertInstanceOf(BatchError.class, response.results().get(index)).error();
  }
}

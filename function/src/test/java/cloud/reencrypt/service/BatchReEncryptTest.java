package cloud.reencrypt.service;

import static cloud.reencrypt.testing.DemoKms.AES;
import static cloud.reencrypt.testing.DemoKms.SM4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.reencrypt.kms.KmsException;
import cloud.reencrypt.kms.KmsJson;
import cloud.reencrypt.kms.ReEncryptResponse;
import cloud.reencrypt.service.BatchReEncrypt.BatchError;
import cloud.reencrypt.service.BatchReEncrypt.BatchResponse;
import cloud.reencrypt.testing.DemoKms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchReEncryptTest {
  private final BatchReEncrypt batch =
      new BatchReEncrypt(
          new ReEncryptService(
              DemoKms.engine(),
              new KeyAllowList("source", Set.of()),
              new KeyAllowList("destination", Set.of())));

  private static ObjectNode body(ArrayNode requests) {
    ObjectNode body = KmsJson.MAPPER.createObjectNode();
    body.set("requests", requests);
    return body;
  }

  private static ObjectNode request(String cipherText, String destination) {
    return KmsJson.MAPPER
        .createObjectNode()
        .put("cipher_text", cipherText)
        .put("destination_key_id", destination);
  }

  private static String code(BatchReEncrypt batch, ObjectNode body) {
    return assertThrows(KmsException.class, () -> batch.run(body)).errorCode();
  }

  @Test
  void run_mixedRequests_givesResultsInOrderAndEveryError() {
    ArrayNode requests = KmsJson.MAPPER.createArrayNode();
    requests.add(request(DemoKms.encrypt(AES, "one"), SM4));
    requests.add(request("AAAA", SM4));
    requests.add(KmsJson.MAPPER.getNodeFactory().textNode("not an object"));
    requests.add(request(DemoKms.encrypt(SM4, "four"), AES));
    requests.add(KmsJson.MAPPER.createObjectNode().put("cipher_text", "x"));

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
    ArrayNode requests = KmsJson.MAPPER.createArrayNode().add(request("AAAA", SM4));

    JsonNode json = KmsJson.MAPPER.readTree(KmsJson.write(batch.run(body(requests))));

    assertEquals(0, json.get("results").get(0).get("index").asInt());
    assertEquals("KMS.2201", json.get("results").get(0).get("error").get("error_code").asText());
    assertEquals(0, json.get("succeeded").asInt());
    assertEquals(1, json.get("failed").asInt());
  }

  @Test
  void run_emptyOrOverLimit_isBadRequest() {
    ArrayNode tooMany = KmsJson.MAPPER.createArrayNode();
    for (int i = 0; i <= BatchReEncrypt.MAX_REQUESTS; i++) {
      tooMany.add(KmsJson.MAPPER.createObjectNode());
    }

    assertEquals("KMS.0308", code(batch, body(KmsJson.MAPPER.createArrayNode())));
    assertEquals("KMS.0308", code(batch, body(tooMany)));
  }

  @Test
  void run_requestsMissingOrNotAList_isBadRequest() {
    assertEquals("KMS.0204", code(batch, KmsJson.MAPPER.createObjectNode()));
    assertEquals("KMS.0308", code(batch, KmsJson.MAPPER.createObjectNode().put("requests", "x")));
  }

  private static KmsException.Detail errorOf(BatchResponse response, int index) {
    return assertInstanceOf(BatchError.class, response.results().get(index)).error();
  }
}

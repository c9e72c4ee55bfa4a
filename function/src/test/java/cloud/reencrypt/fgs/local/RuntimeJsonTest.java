package cloud.reencrypt.fgs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.testing.GsonRuntime;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import com.huawei.services.runtime.entity.apig.APIGTriggerResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeJsonTest {
  @Test
  void event_documentedApigSample_mapsByFieldName() throws Exception {
    String sample =
        "{\"body\":\"SGVsbG8=\",\"requestContext\":{\"apiId\":\"a\",\"requestId\":\"r1\","
            + "\"stage\":\"RELEASE\"},\"queryStringParameters\":{\"responseType\":\"html\"},"
            + "\"httpMethod\":\"GET\",\"pathParameters\":{},\"headers\":{\"host\":\"h\"},"
            + "\"path\":\"/apig-event-template\",\"isBase64Encoded\":true,\"user_data\":\"u\"}";

    APIGTriggerEvent event = (APIGTriggerEvent) RuntimeJson.event(sample, APIGTriggerEvent.class);

    assertTrue(event.isBase64Encoded());
    assertEquals("GET", event.getHttpMethod());
    assertEquals("Hello", event.getRawBody());
    assertEquals("r1", event.getRequestContext().getRequestId());
    assertEquals("u", event.getUserData());
    assertEquals("h", event.getHeaders().get("host"));
  }

  @Test
  void response_serialisesToTheFourApigKeys() {
    APIGTriggerResponse response =
        new APIGTriggerResponse(201, new java.util.HashMap<>(Map.of("A", "b")), "{}");

    JsonNode json = JacksonOracle.read(RuntimeJson.write(response));

    assertEquals(201, json.get("statusCode").asInt());
    assertEquals("{}", json.get("body").asText());
    assertEquals("b", json.get("headers").get("A").asText());
    assertEquals(false, json.get("isBase64Encoded").asBoolean());
    assertEquals(4, json.size());
    assertEquals(json, RuntimeJson.tree(response));
    assertEquals(json, JacksonOracle.read(GsonRuntime.GSON.toJson(response)));
  }

  /** A plain object with a null field and a transient one. */
  static final class Sample {
    final String present = "p";
    final String absent = null;
    final Long count = 3L;
    transient String hidden = "h";
  }

  @Test
  void tree_nullAndTransientFields_areWrittenAsGsonWritesThem() {
    JsonNode ours = JacksonOracle.read(RuntimeJson.write(new Sample()));

    assertEquals(JacksonOracle.read(GsonRuntime.GSON.toJson(new Sample())), ours);
    assertTrue(ours.has("absent") && ours.get("absent").isNull(), ours.toString());
    assertFalse(ours.has("hidden"));
  }

  @Test
  void event_mapParameter_getsGsonsMapsListsAndDoubles() {
    String json = "{\"a\":[1,{\"b\":2.5}],\"c\":true,\"d\":null,\"n\":12345678901}";

    Object ours = RuntimeJson.event(json, Map.class);

    assertEquals(GsonRuntime.GSON.fromJson(json, Map.class), ours);
    assertEquals(1.0, ((List<?>) ((Map<?, ?>) ours).get("a")).get(0));
    assertEquals(12345678901.0, ((Map<?, ?>) ours).get("n"));
  }

  @Test
  void event_nonObjectForAMap_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> RuntimeJson.event("[1]", Map.class));
    assertThrows(IllegalArgumentException.class, () -> RuntimeJson.event("{", Map.class));
  }
}

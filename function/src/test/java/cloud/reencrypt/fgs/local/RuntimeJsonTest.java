package cloud.reencrypt.fgs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.json.Json;
import cloud.reencrypt.testing.JacksonOracle;
import com.fasterxml.jackson.databind.JsonNode;
import com.huawei.services.runtime.entity.apig.APIGTriggerEvent;
import com.huawei.services.runtime.entity.apig.APIGTriggerResponse;
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

    APIGTriggerEvent event = RuntimeJson.bind(Json.parseObject(sample), APIGTriggerEvent.class);

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
    assertEquals(json, JacksonOracle.tree(RuntimeJson.tree(response)));
  }
}

package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.kms.KmsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ObsEventsTest {
  private static final String KEY = "in/中 文 report+final.txt";

  @ParameterizedTest
  @EnumSource(ObsShape.class)
  void records_everyShape_givesBucketAndDecodedKey(ObsShape shape) {
    ObjectNode event = EventTemplates.obs(shape, "demo-bucket", KEY, "abc", 10);

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals(1, records.size());
    assertEquals("demo-bucket", records.get(0).bucket());
    assertEquals(KEY, records.get(0).key());
    assertTrue(records.get(0).isObjectCreated());
    assertNull(records.get(0).problem());
  }

  @Test
  void records_documentedObsSampleKey_isUrlDecoded() throws Exception {
    JsonNode event =
        KmsJson.MAPPER.readTree(
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"obs\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"TEST%2F%E4%B8%AD+%E6%96%87.jpg\"}}}]}");

    assertEquals("TEST/中 文.jpg", ObsEvents.records(event).get(0).key());
  }

  @Test
  void records_severalRecords_keepTheirOrder() {
    ObjectNode event = EventTemplates.obs(ObsShape.S3, "b", "one", "", 1);
    ((ArrayNode) event.get("Records"))
        .add(EventTemplates.obs(ObsShape.OBS, "b", "two", "", 1).get("Records").get(0));

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals(List.of("one", "two"), records.stream().map(ObsRecord::key).toList());
  }

  @Test
  void records_cloudEventWithDataList_givesEachRecord() {
    ObjectNode event = EventTemplates.obs(ObsShape.EVENTGRID, "b", "one", "", 1);
    JsonNode record = event.get("data");
    event.putArray("data").add(record).add(record);

    assertEquals(2, ObsEvents.records(event).size());
  }

  @Test
  void records_removalEvent_isNotObjectCreated() {
    ObjectNode event = EventTemplates.obs(ObsShape.S3, "b", "k", "", 1);
    ((ObjectNode) event.get("Records").get(0)).put("eventName", "ObjectRemoved:Delete");

    assertFalse(ObsEvents.records(event).get(0).isObjectCreated());
  }

  @Test
  void records_badEscapeOrMissingKey_areRecordsWithAProblem() throws Exception {
    JsonNode event =
        KmsJson.MAPPER.readTree(
            "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"a%zz\"}}},"
                + "{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{}}}]}");

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals("the object key is not valid URL encoding", records.get(0).problem());
    assertNotNull(records.get(1).problem());
  }

  @Test
  void records_otherJson_isRefused() throws Exception {
    JsonNode event = KmsJson.MAPPER.readTree("{\"httpMethod\":\"POST\"}");

    assertThrows(IllegalArgumentException.class, () -> ObsEvents.records(event));
  }
}

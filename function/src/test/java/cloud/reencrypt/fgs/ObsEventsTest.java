package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ObsEventsTest {
  private static final String KEY = "in/中 文 report+final.txt";

  @ParameterizedTest
  @EnumSource(ObsShape.class)
  void records_everyShape_givesBucketAndDecodedKey(ObsShape shape) {
    Map<String, Object> event = EventTemplates.obs(shape, "demo-bucket", KEY, "abc", 10);

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals(1, records.size());
    assertEquals("demo-bucket", records.get(0).bucket());
    assertEquals(KEY, records.get(0).key());
    assertTrue(records.get(0).isObjectCreated());
    assertNull(records.get(0).problem());
  }

  @Test
  void records_documentedObsSampleKey_isUrlDecoded() throws Exception {
    Map<String, Object> event =
        Json.parseObject(
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"obs\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"TEST%2F%E4%B8%AD+%E6%96%87.jpg\"}}}]}");

    assertEquals("TEST/中 文.jpg", ObsEvents.records(event).get(0).key());
  }

  @Test
  void records_severalRecords_keepTheirOrder() {
    Object one = firstRecord(EventTemplates.obs(ObsShape.S3, "b", "one", "", 1));
    Object two = firstRecord(EventTemplates.obs(ObsShape.OBS, "b", "two", "", 1));
    Map<String, Object> event = Json.objectOf("Records", List.of(one, two));

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals(List.of("one", "two"), records.stream().map(ObsRecord::key).toList());
  }

  @Test
  void records_cloudEventWithDataList_givesEachRecord() {
    Map<String, Object> event = EventTemplates.obs(ObsShape.EVENTGRID, "b", "one", "", 1);
    Object record = event.get("data");
    event.put("data", List.of(record, record));

    assertEquals(2, ObsEvents.records(event).size());
  }

  @Test
  void records_removalEvent_isNotObjectCreated() {
    Map<String, Object> event = EventTemplates.obs(ObsShape.S3, "b", "k", "", 1);
    Json.asObject(firstRecord(event)).put("eventName", "ObjectRemoved:Delete");

    assertFalse(ObsEvents.records(event).get(0).isObjectCreated());
  }

  @Test
  void records_badEscapeOrMissingKey_areRecordsWithAProblem() throws Exception {
    Map<String, Object> event =
        Json.parseObject(
            "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"a%zz\"}}},"
                + "{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{}}}]}");

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals("the object key is not valid URL encoding", records.get(0).problem());
    assertNotNull(records.get(1).problem());
  }

  @Test
  void records_otherJson_isRefused() throws Exception {
    Map<String, Object> event = Json.parseObject("{\"httpMethod\":\"POST\"}");

    assertThrows(IllegalArgumentException.class, () -> ObsEvents.records(event));
  }

  private static Object firstRecord(Map<String, Object> event) {
    return Json.array(event, "Records").get(0);
  }
}

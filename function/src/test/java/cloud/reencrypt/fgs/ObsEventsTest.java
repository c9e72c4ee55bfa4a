package cloud.reencrypt.fgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.reencrypt.fgs.local.EventTemplates;
import cloud.reencrypt.fgs.local.EventTemplates.ObsShape;
import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.service.ObjectEvent;
import java.util.LinkedHashMap;
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
    ObjectEvent record = records.get(0).event();
    assertNull(records.get(0).problem());
    assertEquals("demo-bucket", record.bucket());
    assertEquals(KEY, record.key());
    assertEquals("abc", record.etag());
    assertTrue(record.isObjectCreated());
  }

  @Test
  void records_documentedObsSampleKey_isUrlDecoded() {
    Map<String, Object> event =
        parse(
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"obs\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"TEST%2F%E4%B8%AD+%E6%96%87.jpg\"}}}]}");

    assertEquals("TEST/中 文.jpg", ObsEvents.records(event).get(0).key());
  }

  @Test
  void records_gsonNumbersAndUnknownMembers_areIgnored() {
    Map<String, Object> event = EventTemplates.obs(ObsShape.S3, "b", "k", "\"e1\"", 1);
    objectOf(firstRecord(event), "s3").put("extra", List.of(1.0, Map.of("x", 2.5)));

    ObjectEvent record = ObsEvents.records(event).get(0).event();

    assertEquals("e1", record.etag());
  }

  @Test
  void records_severalRecords_keepTheirOrder() {
    Object one = firstRecord(EventTemplates.obs(ObsShape.S3, "b", "one", "", 1));
    Object two = firstRecord(EventTemplates.obs(ObsShape.OBS, "b", "two", "", 1));
    Map<String, Object> event = new LinkedHashMap<>(Map.of("Records", List.of(one, two)));

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals(List.of("one", "two"), records.stream().map(ObsRecord::key).toList());
  }

  @Test
  void records_cloudEventWithDataList_givesEachRecordWithTheEnvelopeType() {
    Map<String, Object> event = EventTemplates.obs(ObsShape.EVENTGRID, "b", "one", "", 1);
    @SuppressWarnings("unchecked")
    Map<String, Object> record = new LinkedHashMap<>((Map<String, Object>) event.get("data"));
    record.remove("eventName");
    event.put("data", List.of(record, record));
    event.put("type", "ObjectRemoved:Delete");

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals(2, records.size());
    assertFalse(records.get(1).event().isObjectCreated());
  }

  @Test
  void records_removalEvent_isNotObjectCreated() {
    Map<String, Object> event = EventTemplates.obs(ObsShape.S3, "b", "k", "", 1);
    firstRecord(event).put("eventName", "ObjectRemoved:Delete");

    assertFalse(ObsEvents.records(event).get(0).event().isObjectCreated());
  }

  @Test
  void records_badEscapeOrMissingKey_areRecordsWithAProblem() {
    Map<String, Object> event =
        parse(
            "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"a%zz\"}}},"
                + "{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{}}},\"not a record\"]}");

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals("the object key is not valid URL encoding", records.get(0).problem());
    assertNotNull(records.get(1).problem());
    assertNotNull(records.get(2).problem());
    assertNull(records.get(2).event());
  }

  @Test
  void records_memberOfTheWrongType_failsThatRecordNamingTheMember() {
    Map<String, Object> event =
        parse(
            "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":5.0}}},"
                + "{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"ok\"}}}]}");

    List<ObsRecord> records = ObsEvents.records(event);

    assertEquals("record 1: s3.object.key must be a string", records.get(0).problem());
    assertEquals("ok", records.get(1).event().key());
  }

  @Test
  void records_recordsNotAnArray_isRefusedNamingTheMember() {
    Map<String, Object> event = parse("{\"Records\":{\"s3\":{}}}");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ObsEvents.records(event));

    assertEquals("not an OBS event: Records must be an array", e.getMessage());
  }

  @Test
  void records_otherJson_isRefused() {
    Map<String, Object> event = parse("{\"httpMethod\":\"POST\"}");

    assertThrows(IllegalArgumentException.class, () -> ObsEvents.records(event));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return JsonMapping.read(JsonMapping.reader(Map.class), json);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstRecord(Map<String, Object> event) {
    return (Map<String, Object>) ((List<Object>) event.get("Records")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objectOf(Map<String, Object> object, String name) {
    return (Map<String, Object>) object.get(name);
  }
}

package cloud.reencrypt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed reads: a member that is absent, null or of another type reads as null. */
class JsonTest {
  private static final Map<String, Object> OBJECT =
      Json.parseObject(
          "{\"s\":\"text\",\"o\":{\"k\":1},\"a\":[1,2],\"n\":null,\"num\":5,\"t\":true}");

  @Test
  void parseObject_object_givesItsMembers() {
    assertEquals(List.of("s", "o", "a", "n", "num", "t"), List.copyOf(OBJECT.keySet()));
  }

  @Test
  void parseObject_otherValue_throwsJsonException() {
    for (String text : List.of("[]", "\"{}\"", "null", "1", "true")) {
      JsonException e = assertThrows(JsonException.class, () -> Json.parseObject(text));

      assertEquals("expected a JSON object at line 1, column 1", e.getMessage());
    }
  }

  @Test
  void parseObject_invalidText_throwsJsonException() {
    assertThrows(JsonException.class, () -> Json.parseObject("{\"a\":1,}"));
  }

  @Test
  void string_memberOfEachKind_givesOnlyStrings() {
    assertEquals("text", Json.string(OBJECT, "s"));
    for (String name : List.of("o", "a", "n", "num", "t", "absent")) {
      assertNull(Json.string(OBJECT, name), name);
    }
  }

  @Test
  void object_memberOfEachKind_givesOnlyObjects() {
    assertEquals(Map.of("k", 1L), Json.object(OBJECT, "o"));
    for (String name : List.of("s", "a", "n", "num", "t", "absent")) {
      assertNull(Json.object(OBJECT, name), name);
    }
  }

  @Test
  void array_memberOfEachKind_givesOnlyArrays() {
    assertEquals(List.of(1L, 2L), Json.array(OBJECT, "a"));
    for (String name : List.of("s", "o", "n", "num", "t", "absent")) {
      assertNull(Json.array(OBJECT, name), name);
    }
  }

  @Test
  void asObjectAndAsArray_otherValues_giveNull() {
    assertNull(Json.asObject(List.of()));
    assertNull(Json.asObject(null));
    assertNull(Json.asArray(Map.of()));
    assertNull(Json.asArray("[]"));
  }

  @Test
  void asInt_integralValueOfAnyNumberType_isTheInt() {
    for (Object value : new Object[] {200, 200L, 200.0, 200.0f, new BigDecimal("200.00")}) {
      assertEquals(200, Json.asInt(value), value.getClass().getName());
    }
  }

  @Test
  void asInt_fractionOutOfRangeNonFiniteOrNotANumber_isNull() {
    for (Object value :
        new Object[] {200.5, 1L + Integer.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, "200"}) {
      assertNull(Json.asInt(value), String.valueOf(value));
    }
    assertNull(Json.asInt(null));
  }
}

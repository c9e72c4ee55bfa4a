package cloud.reencrypt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nesting depth and the work a hostile text can make the parser do. */
class JsonParserLimitsTest {
  private static final int MAX = JsonParser.MAX_DEPTH;

  @Test
  void parse_arraysNestedToMaxDepth_parses() {
    Object parsed = Json.parse("[".repeat(MAX) + "]".repeat(MAX));

    assertEquals(MAX, arrayDepth(parsed));
  }

  @Test
  void parse_arraysNestedOneDeeperThanMax_throwsJsonException() {
    String text = "[".repeat(MAX + 1) + "]".repeat(MAX + 1);

    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
    assertTrue(e.getMessage().contains("column " + (MAX + 1)), e.getMessage());
  }

  @Test
  void parse_objectsNestedOneDeeperThanMax_throwsJsonException() {
    String text = "{\"a\":".repeat(MAX + 1) + "1" + "}".repeat(MAX + 1);

    assertThrows(JsonException.class, () -> Json.parse(text));
  }

  @Test
  void parse_objectsNestedToMaxDepth_parses() {
    Object parsed = Json.parse("{\"a\":".repeat(MAX - 1) + "{}" + "}".repeat(MAX - 1));

    int depth = 1;
    for (Map<String, Object> at = Json.asObject(parsed); !at.isEmpty(); at = Json.object(at, "a")) {
      depth++;
    }
    assertEquals(MAX, depth);
  }

  @Test
  void parse_unclosedNestingFarBeyondTheStack_throwsJsonExceptionNotStackOverflow() {
    assertThrows(JsonException.class, () -> Json.parse("[".repeat(1_000_000)));
    assertThrows(JsonException.class, () -> Json.parse("{\"a\":[".repeat(200_000)));
  }

  @Test
  void parse_manySiblingsEachAtMaxDepth_parses() {
    String deepest = "[".repeat(MAX - 1) + "1" + "]".repeat(MAX - 1);
    String text = "[" + (deepest + ",").repeat(50) + "{\"a\":{}}]";

    List<Object> parsed = Json.asArray(Json.parse(text));

    assertEquals(51, parsed.size());
    assertEquals(MAX, arrayDepth(parsed));
  }

  @Test
  void parse_manyShortEscapedStrings_allocatesInProportionToTheText() {
    String text = "[" + "\"\\n\",".repeat(20_000) + "1]";
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    long before = threads.getCurrentThreadAllocatedBytes();
    List<Object> parsed = Json.asArray(Json.parse(text));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertEquals(20_001, parsed.size());
    // Linear work allocates a few dozen bytes per input char; a buffer per string sized by the
    // rest of the text allocates about (n / 5) * (n / 2) * 2 bytes, here about a gigabyte.
    assertTrue(allocated < 200L * text.length(), allocated + " bytes allocated");
  }

  private static int arrayDepth(Object value) {
    List<Object> array = Json.asArray(value);
    if (array == null) {
      return 0;
    }
    int deepest = 0;
    for (Object element : array) {
      deepest = Math.max(deepest, arrayDepth(element));
    }
    return deepest + 1;
  }
}

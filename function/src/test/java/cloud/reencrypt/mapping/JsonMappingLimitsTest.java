package cloud.reencrypt.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.junit.jupiter.api.Test;

/**
 * The mapper's bounds ({@link JsonMapping#LIMITS}) and the corpus entries whose outcome differs
 * from the project's former parser, stated as the mapper's behaviour. No test measures time: each
 * asserts that a hostile input is refused, which the bounds make a linear-time refusal.
 */
class JsonMappingLimitsTest {
  private static final ObjectReader TREE = JsonMapping.reader(JsonNode.class);
  private static final int DEPTH = JsonMapping.LIMITS.getMaxNestingDepth();

  record Counter(int count) {}

  private static JsonReadException refused(String text) {
    return assertThrows(JsonReadException.class, () -> JsonMapping.read(TREE, text));
  }

  @Test
  void read_arraysNestedToMaxDepth_givesATree() {
    JsonNode tree = JsonMapping.read(TREE, "[".repeat(DEPTH) + "]".repeat(DEPTH));

    assertEquals(1, tree.size());
  }

  @Test
  void read_arraysOrObjectsOneDeeperThanMax_isMalformed() {
    assertEquals(
        JsonReadException.Kind.MALFORMED,
        refused("[".repeat(DEPTH + 1) + "]".repeat(DEPTH + 1)).kind());
    assertEquals(
        JsonReadException.Kind.MALFORMED,
        refused("{\"a\":".repeat(DEPTH + 1) + "1" + "}".repeat(DEPTH + 1)).kind());
  }

  @Test
  void read_unclosedNestingFarBeyondTheLimit_isMalformedNotStackOverflow() {
    refused("[".repeat(1_000_000));
    refused("{\"a\":[".repeat(200_000));
  }

  @Test
  void read_numberOfMaxLength_givesATreeOneDigitLongerIsMalformed() {
    int max = JsonMapping.LIMITS.getMaxNumberLength();

    JsonMapping.read(TREE, "[" + "9".repeat(max) + "]");
    assertEquals(JsonReadException.Kind.MALFORMED, refused("[" + "9".repeat(max + 1) + "]").kind());
    assertEquals(
        JsonReadException.Kind.MALFORMED, refused("[0." + "5".repeat(1_000_000) + "]").kind());
  }

  @Test
  void read_millionDigitNumberInAnIgnoredMember_isMalformed() {
    String text = "{\"ignored\":" + "7".repeat(1_000_000) + ",\"count\":1}";

    JsonReadException e =
        assertThrows(
            JsonReadException.class,
            () -> JsonMapping.read(JsonMapping.reader(Counter.class), text));
    assertEquals(JsonReadException.Kind.MALFORMED, e.kind());
  }

  @Test
  void read_wholeNumberDoubleIntoAnIntField_bindsAFractionIsWrongType() {
    ObjectReader counter = JsonMapping.reader(Counter.class);

    assertEquals(new Counter(112), JsonMapping.read(counter, "{\"count\":112.0}"));
    assertEquals(new Counter(112), JsonMapping.read(counter, "{\"count\":1.12e2}"));
    JsonReadException e =
        assertThrows(JsonReadException.class, () -> JsonMapping.read(counter, "{\"count\":112.5}"));
    assertEquals(JsonReadException.Kind.WRONG_TYPE, e.kind());
    assertEquals("count must be an integer", e.getMessage());
    assertThrows(
        JsonReadException.class, () -> JsonMapping.read(counter, "{\"count\":1e999999999}"));
  }

  @Test
  void read_nullDocument_isANullTreeButNoRecord() {
    assertEquals(true, JsonMapping.<JsonNode>read(TREE, "null").isNull());
    JsonReadException e =
        assertThrows(
            JsonReadException.class,
            () -> JsonMapping.read(JsonMapping.reader(Counter.class), "null"));
    assertEquals(JsonReadException.Kind.WRONG_ROOT, e.kind());
  }

  /** Accepted by the mapper, refused by the former parser (exponents beyond int range). */
  @Test
  void read_hugeExponentsOfShortNumbers_areAcceptedAsTreesNotExpanded() {
    JsonMapping.read(TREE, "[\"s\",1e9999999999]");
    JsonMapping.read(TREE, "[\"s\",-1.5E-99999999999999999999]");
  }

  /**
   * Accepted by the mapper, refused by the former parser: Jackson's string reader takes some
   * non-ASCII digits in a {@code \\u} escape (here U+0663) for hex digits.
   */
  @Test
  void read_unicodeEscapeWithArabicIndicDigits_isAcceptedByJackson() {
    JsonMapping.read(TREE, "[\"\\u\u0663\u0663\u0663\u0663\"]");
  }

  @Test
  void read_repeatedMemberOnALaterLine_isMalformedAtItsPosition() {
    JsonReadException e = refused("{\n  \"key\": 1,\n  \"other\": 2,\n    \"key\": 3\n}");

    assertEquals(JsonReadException.Kind.MALFORMED, e.kind());
    assertEquals(true, e.getMessage().startsWith("repeated member name at line 4"), e.getMessage());
  }

  @Test
  void read_trailingText_isMalformed() {
    JsonReadException e = refused("{}\n\n  x");

    assertEquals(true, e.getMessage().contains("at line 3"), e.getMessage());
  }
}

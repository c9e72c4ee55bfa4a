package cloud.reencrypt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Where a {@link JsonException} says the text stopped being JSON: lines and columns from 1. */
class JsonErrorPositionTest {

  @Test
  void parse_badLiteralOnThirdLine_reportsItsLineAndColumn() {
    String text = "{\n  \"a\": 1,\n  \"b\": [true, fals]\n}\n";

    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));

    assertEquals(3, e.line());
    assertEquals("unexpected character at line 3, column 15", e.getMessage());
  }

  @Test
  void parse_repeatedNameOnLaterLine_pointsAtTheSecondName() {
    String text = "{\n  \"key\": 1,\n  \"other\": 2,\n    \"key\": 3\n}";

    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));

    assertEquals(4, e.line());
    assertEquals("repeated member name at line 4, column 5", e.getMessage());
  }

  @Test
  void parse_crlfLineEnds_countEachLineOnce() {
    String text = "[\r\n1,\r\n2,\r\n]";

    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));

    assertEquals(4, e.line());
    assertEquals("unexpected character at line 4, column 1", e.getMessage());
  }

  @Test
  void parse_textEndingInsideObject_reportsTheEnd() {
    String text = "{\n  \"a\": [1,\n  2";

    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));

    assertEquals(3, e.line());
    assertEquals("expected ',' or ']' at line 3, column 4", e.getMessage());
  }

  @Test
  void parse_controlCharacterAfterEscape_pointsAtTheControlCharacter() {
    String text = "[\n\"ab\\n\u0001\"]";

    JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));

    assertEquals("control character in a string at line 2, column 6", e.getMessage());
  }

  @Test
  void parse_trailingText_pointsAtItsStart() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("{}\n\n  x"));

    assertEquals("unexpected text after the JSON value at line 3, column 3", e.getMessage());
  }

  @Test
  void parse_emptyText_reportsNoValueAtTheStart() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse(""));

    assertEquals("no JSON value at line 1, column 1", e.getMessage());
  }

  @Test
  void parse_invalidEscape_pointsAtTheEscapedCharacter() {
    JsonException e = assertThrows(JsonException.class, () -> Json.parse("\"abc\\q\""));

    assertEquals("invalid escape at line 1, column 6", e.getMessage());
  }
}

package cloud.reencrypt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Plain values written compact and pretty, with only the escapes JSON requires. */
class JsonWriterTest {
  private static final JsonWriter COMPACT = JsonWriter.compact(JsonWriter.RecordNames.AS_DECLARED);
  private static final JsonWriter PRETTY = JsonWriter.pretty(JsonWriter.RecordNames.AS_DECLARED);

  private enum Colour {
    DEEP_BLUE
  }

  @Test
  void write_compact_hasNoWhitespaceAndKeepsMapOrder() {
    assertEquals(
        "{\"z\":[1,\"two\",true,null],\"a\":{\"b\":false},\"e\":{},\"l\":[]}",
        COMPACT.write(sample()));
  }

  @Test
  void write_pretty_indentsByTwoSpacesOneMemberPerLine() {
    String expected =
        """
        {
          "z": [
            1,
            "two",
            true,
            null
          ],
          "a": {
            "b": false
          },
          "e": {},
          "l": []
        }""";

    assertEquals(expected, PRETTY.write(sample()));
  }

  @Test
  void write_scalarsAtTheTop_writesThemAlone() {
    assertEquals("null", COMPACT.write(null));
    assertEquals("true", PRETTY.write(true));
    assertEquals("\"x\"", PRETTY.write("x"));
    assertEquals("-7", PRETTY.write(-7L));
  }

  @Test
  void write_stringWithEveryEscapable_escapesOnlyWhatJsonRequires() {
    String text = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u00e9\u2028\u2029\ud83d\ude00</script>'";

    assertEquals(
        "\"\\\"\\\\/\\u0008\\u000c\\n\\r\\t\\u0000\\u001f\u007f\u00e9\u2028\u2029\ud83d\ude00</script>'\"",
        COMPACT.write(text));
  }

  @Test
  void write_loneSurrogate_isEscapedAndSurvivesUtf8() {
    String text = "a\uD800b\uDC00c\uD83D\uDE00\uD83D";
    String json = COMPACT.write(text);

    assertEquals("\"a\\ud800b\\udc00c\uD83D\uDE00\\ud83d\"", json);
    String throughUtf8 = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertEquals(text, Json.parse(throughUtf8));
  }

  @Test
  void write_charSequenceAndEnumAndSet_writeAsStringsAndArray() {
    Object value =
        List.of(new StringBuilder("sb"), Colour.DEEP_BLUE, new LinkedHashSet<>(List.of(2, 1)));

    assertEquals("[\"sb\",\"DEEP_BLUE\",[2,1]]", COMPACT.write(value));
  }

  @Test
  void write_numbersOfEveryKind_writesTheirValue() {
    List<Number> numbers =
        List.of(
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            (short) -3,
            (byte) 7,
            1.5d,
            0.25f,
            -0.0d,
            new BigDecimal("1.50E+3"),
            new BigDecimal("-0.000001"),
            new BigInteger("123456789012345678901234567890"));

    assertEquals(
        "[-2147483648,9223372036854775807,-3,7,1.5,0.25,-0.0,1.50E+3,-0.000001,"
            + "123456789012345678901234567890]",
        COMPACT.write(numbers));
  }

  @Test
  void write_bigIntegerBeyondDoubleRange_writesAllItsDigits() {
    BigInteger huge = BigInteger.TEN.pow(400).negate();

    assertEquals(huge.toString(), COMPACT.write(huge));
    assertEquals(new BigDecimal(huge), Json.parse(COMPACT.write(huge)));
  }

  static Stream<Number> nonFiniteNumbers() {
    return Stream.of(
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Float.NaN,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY);
  }

  @ParameterizedTest
  @MethodSource("nonFiniteNumbers")
  void write_nonFiniteNumber_throwsIllegalArgument(Number number) {
    assertThrows(IllegalArgumentException.class, () -> COMPACT.write(number));
    assertThrows(IllegalArgumentException.class, () -> PRETTY.write(Map.of("n", List.of(number))));
  }

  static Stream<Object> valuesWithoutJsonForm() {
    return Stream.of(
        new Object(), new byte[] {1}, 'c', Optional.of("x"), LocalDate.of(2025, 1, 1), new int[0]);
  }

  @ParameterizedTest
  @MethodSource("valuesWithoutJsonForm")
  void write_valueWithoutJsonForm_throwsIllegalArgument(Object value) {
    assertThrows(IllegalArgumentException.class, () -> COMPACT.write(value));
    assertThrows(IllegalArgumentException.class, () -> COMPACT.write(List.of(Map.of("a", value))));
  }

  @Test
  void write_intoBuilder_appendsAfterWhatIsThere() {
    StringBuilder out = new StringBuilder("prefix:");

    COMPACT.write(Map.of("a", 1), out);
    COMPACT.write(List.of(), out);

    assertEquals("prefix:{\"a\":1}[]", out.toString());
  }

  @Test
  void writeThenParse_everyCharInChunks_returnsTheSameStrings() {
    List<String> chunks = new ArrayList<>();
    for (int start = 0; start <= 0xFFFF; start += 512) {
      char[] chunk = new char[512];
      for (int i = 0; i < chunk.length; i++) {
        chunk[i] = (char) (start + i);
      }
      chunks.add(new String(chunk));
    }

    for (JsonWriter writer : List.of(COMPACT, PRETTY)) {
      assertEquals(chunks, Json.parse(writer.write(chunks)));
    }
    assertEquals(-1, firstControlChar(COMPACT.write(chunks)));
  }

  @Test
  void writeThenParse_eachCharAlone_returnsIt() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String text = String.valueOf((char) c);
      String written = COMPACT.write(text);

      assertEquals(text, Json.parse(written), () -> "char " + Integer.toHexString(text.charAt(0)));
      assertEquals(-1, firstControlChar(written), written);
    }
  }

  @Test
  void parse_everyCharAsUnicodeEscapeInBothCases_givesTheChar() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String expected = String.valueOf((char) c);

      assertEquals(expected, Json.parse(String.format("\"\\u%04x\"", c)));
      assertEquals(expected, Json.parse(String.format("\"\\u%04X\"", c)));
    }
  }

  private static int firstControlChar(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < 0x20) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, Object> sample() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", Arrays.asList(1, "two", true, null));
    map.put("a", Map.of("b", false));
    map.put("e", Map.of());
    map.put("l", List.of());
    return map;
  }
}

package cloud.reencrypt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Texts every RFC 8259 parser must accept, in the manner of JSONTestSuite's {@code y_} cases. */
class JsonParserAcceptTest {

  static Stream<Arguments> validTexts() {
    return Stream.of(
        // structures
        Arguments.of("{}", map()),
        Arguments.of("[]", list()),
        Arguments.of("[[]]", list(list())),
        Arguments.of("[{}]", list(map())),
        Arguments.of("{\"a\":{}}", map("a", map())),
        Arguments.of("[1,\"a\",true,false,null]", list(1L, "a", true, false, null)),
        Arguments.of("{\"\":0}", map("", 0L)),
        Arguments.of("{\"a\":[1,{\"b\":null}]}", map("a", list(1L, map("b", null)))),
        Arguments.of("{\"a\":1,\"A\":2}", map("a", 1L, "A", 2L)),
        Arguments.of("[null]", list((Object) null)),
        Arguments.of("[[[[\"deep\"]]]]", list(list(list(list("deep"))))),
        // scalars at the top
        Arguments.of("true", true),
        Arguments.of("false", false),
        Arguments.of("null", null),
        Arguments.of("\"x\"", "x"),
        Arguments.of("42", 42L),
        // numbers
        Arguments.of("0", 0L),
        Arguments.of("-0", 0L),
        Arguments.of("-1", -1L),
        Arguments.of("123456789012345678", 123456789012345678L),
        Arguments.of("-12345678901234567", -12345678901234567L),
        Arguments.of("1234567890123456789", 1234567890123456789L),
        Arguments.of("-123456789012345678", -123456789012345678L),
        Arguments.of("9223372036854775808", new BigDecimal("9223372036854775808")),
        Arguments.of(
            "123456789012345678901234567890", new BigDecimal("123456789012345678901234567890")),
        Arguments.of("-0.0", new BigDecimal("-0.0")),
        Arguments.of("1.50", new BigDecimal("1.50")),
        Arguments.of("-0.001", new BigDecimal("-0.001")),
        Arguments.of("1e5", new BigDecimal("1E+5")),
        Arguments.of("1E5", new BigDecimal("1E+5")),
        Arguments.of("1e+5", new BigDecimal("1E+5")),
        Arguments.of("1E-2", new BigDecimal("0.01")),
        Arguments.of("0e0", new BigDecimal("0")),
        Arguments.of("-1.25e-3", new BigDecimal("-0.00125")),
        Arguments.of("1e400", new BigDecimal("1E+400")),
        Arguments.of("1.0e-400", new BigDecimal("1.0E-400")),
        Arguments.of("[-1,0.5,2e1]", list(-1L, new BigDecimal("0.5"), new BigDecimal("2E+1"))),
        // strings: every escape, \\u forms, raw non-ASCII
        Arguments.of("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t"),
        Arguments.of("\"\\u0041\\u00e9\\u00E9\\u4e2D\"", "A\u00e9\u00e9\u4e2d"),
        Arguments.of("\"\\u0000\"", "\u0000"),
        Arguments.of("\"\\u001f\\u007f\"", "\u001f\u007f"),
        Arguments.of("\"\\ud83d\\ude00\"", "\ud83d\ude00"),
        Arguments.of("\"\\uD834\\uDD1E\"", "\uD834\uDD1E"),
        Arguments.of("\"\\uffff\\uFFFE\"", "\uffff\ufffe"),
        Arguments.of(
            "\"\u00e9\u4e2d\ud83d\ude00\u2028\u2029\"", "\u00e9\u4e2d\ud83d\ude00\u2028\u2029"),
        Arguments.of("\"\u007f\u0080\"", "\u007f\u0080"),
        Arguments.of("\"a/b\"", "a/b"),
        Arguments.of("\"'\"", "'"),
        Arguments.of("\"\"", ""),
        Arguments.of("\"abc\\ndef\"", "abc\ndef"),
        Arguments.of("\"\\\\u0041\"", "\\u0041"),
        Arguments.of("{\"\\u0061\\n\":\"\\t\"}", map("a\n", "\t")),
        // whitespace: all four kinds, anywhere between tokens
        Arguments.of(" \t\r\n[ \t\r\n1 \t\r\n, \t\r\n2 \t\r\n] \t\r\n", list(1L, 2L)),
        Arguments.of("\n{\n \"a\" \n:\n 1 \r\n}\n", map("a", 1L)),
        Arguments.of("[\" \"]", list(" ")));
  }

  @ParameterizedTest
  @MethodSource("validTexts")
  void parse_validText_givesPlainJavaValue(String text, Object expected) {
    assertEquals(expected, Json.parse(text));
  }

  @Test
  void parse_object_isLinkedHashMapInDocumentOrder() {
    Object parsed = Json.parse("{\"zeta\":1,\"alpha\":2,\"mid\":3,\"b\":4}");

    Map<?, ?> object = assertInstanceOf(LinkedHashMap.class, parsed);
    assertEquals(List.of("zeta", "alpha", "mid", "b"), new ArrayList<>(object.keySet()));
  }

  @Test
  void parse_array_isMutableArrayList() {
    List<?> array = assertInstanceOf(ArrayList.class, Json.parse("[3,1,2]"));

    assertEquals(List.of(3L, 1L, 2L), array);
  }

  @Test
  void parse_integralInLongRange_isLongBeyondItBigDecimal() {
    assertInstanceOf(Long.class, Json.parse("999999999999999999"));
    assertInstanceOf(Long.class, Json.parse("-999999999999999999"));
    assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
    assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
    assertInstanceOf(BigDecimal.class, Json.parse("9223372036854775808"));
    assertInstanceOf(BigDecimal.class, Json.parse("-9223372036854775809"));
    assertInstanceOf(BigDecimal.class, Json.parse("-92233720368547758090"));
  }

  @Test
  void parse_fractionOrExponent_isBigDecimalWithTheTextsScale() {
    BigDecimal parsed = assertInstanceOf(BigDecimal.class, Json.parse("2.500"));

    assertEquals(3, parsed.scale());
    assertInstanceOf(BigDecimal.class, Json.parse("1e0"));
  }

  @Test
  void parse_longTextWithoutEscapes_givesTheSameString() {
    String body = "x".repeat(100_000);

    assertEquals(body, Json.parse("\"" + body + "\""));
  }

  private static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private static List<Object> list(Object... elements) {
    return new ArrayList<>(Arrays.asList(elements));
  }
}

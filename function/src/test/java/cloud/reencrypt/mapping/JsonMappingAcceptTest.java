package cloud.reencrypt.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts every RFC 8259 parser must accept (JSONTestSuite's {@code y_} cases), read through the
 * configured mapper as a tree: the corpus of the project's former parser, kept for the mapper.
 */
class JsonMappingAcceptTest {
  private static final ObjectReader TREE = JsonMapping.reader(JsonNode.class);

  static Stream<String> validTexts() {
    return Stream.of(
        "{}",
        "[]",
        "[[]]",
        "[{}]",
        "{\"a\":{}}",
        "[1,\"a\",true,false,null]",
        "{\"\":0}",
        "{\"a\":[1,{\"b\":null}]}",
        "{\"a\":1,\"A\":2}",
        "[null]",
        "[[[[\"deep\"]]]]",
        "true",
        "false",
        "\"x\"",
        "42",
        "0",
        "-0",
        "-1",
        "123456789012345678",
        "-12345678901234567",
        "1234567890123456789",
        "-123456789012345678",
        "9223372036854775808",
        "123456789012345678901234567890",
        "-0.0",
        "1.50",
        "-0.001",
        "1e5",
        "1E5",
        "1e+5",
        "1E-2",
        "0e0",
        "-1.25e-3",
        "1e400",
        "1.0e-400",
        "[-1,0.5,2e1]",
        "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
        "\"\\u0041\\u00e9\\u00E9\\u4e2D\"",
        "\"\\u0000\"",
        "\"\\u001f\\u007f\"",
        "\"\\ud83d\\ude00\"",
        "\"\\uD834\\uDD1E\"",
        "\"\\uffff\\uFFFE\"",
        "\"\u00e9\u4e2d\ud83d\ude00\u2028\u2029\"",
        "\"\u007f\u0080\"",
        "\"a/b\"",
        "\"'\"",
        "\"\"",
        "\"abc\\ndef\"",
        "\"\\\\u0041\"",
        "{\"\\u0061\\n\":\"\\t\"}",
        " \t\r\n[ \t\r\n1 \t\r\n, \t\r\n2 \t\r\n] \t\r\n",
        "\n{\n \"a\" \n:\n 1 \r\n}\n",
        "[\" \"]");
  }

  @ParameterizedTest
  @MethodSource("validTexts")
  void read_validText_givesATree(String text) {
    assertNotNull(JsonMapping.read(TREE, text));
  }

  @Test
  void read_objectAndStrings_keepMemberOrderAndEveryChar() {
    JsonNode tree =
        JsonMapping.read(TREE, "{\"zeta\":1,\"alpha\":\"\\ud83d\\ude00\\u0000\",\"mid\":3}");

    assertEquals(java.util.List.of("zeta", "alpha", "mid"), iterable(tree.fieldNames()));
    assertEquals("\ud83d\ude00\u0000", tree.get("alpha").textValue());
  }

  @Test
  void read_longTextWithoutEscapes_givesTheSameString() {
    String body = "x".repeat(100_000);

    assertEquals(body, JsonMapping.<JsonNode>read(TREE, "\"" + body + "\"").textValue());
  }

  private static java.util.List<String> iterable(java.util.Iterator<String> names) {
    java.util.List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}

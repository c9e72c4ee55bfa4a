package cloud.reencrypt.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Texts an RFC 8259 parser must refuse (JSONTestSuite's {@code n_} cases), plus the stricter rules
 * of ours (repeated names), read through the configured mapper. Each carries a secret-looking word,
 * which the refusal must never repeat: a request body may carry plaintext.
 */
class JsonMappingRejectTest {
  private static final String SECRET = "Pl41nT3xtK3yM4t3r1al";
  private static final ObjectReader TREE = JsonMapping.reader(JsonNode.class);

  /** {@code S} in a case stands for the secret. */
  static Stream<String> invalidTexts() {
    return Stream.of(
            // empty and stray text
            "",
            " \n\t\r ",
            "S",
            "\"S\" x",
            "[\"S\"] [1]",
            "{\"S\":1}{}",
            "1 2",
            "[\"S\"]]",
            "\uFEFF{\"S\":1}",
            "[\"S\"] // S",
            "/* S */ [1]",
            // structure
            "[\"S\",]",
            "{\"S\":1,}",
            "[,\"S\"]",
            "[\"S\",,1]",
            "{,\"S\":1}",
            "{\"S\" 1}",
            "{\"S\":}",
            "{\"S\"}",
            "{\"S\"=1}",
            "{S:1}",
            "{'S':1}",
            "['S']",
            "[\"S\" 1]",
            "[\"S\";1]",
            "{\"S\":1 \"b\":2}",
            "{\"S\":1,\"b\"::2}",
            "{1:\"S\"}",
            "[\"S\"",
            "{\"S\":1",
            "{\"S\":[1}",
            "[\"S\"}",
            "]",
            "}",
            ":",
            ",",
            // repeated member names, also when only an escape tells them apart in the text
            "{\"S\":1,\"S\":2}",
            "{\"S\":1,\"b\":{},\"S\":1}",
            "{\"a\":\"S\",\"\\u0061\":2}",
            // numbers
            "[\"S\",01]",
            "[\"S\",-01]",
            "[\"S\",00]",
            "[\"S\",+1]",
            "[\"S\",.5]",
            "[\"S\",1.]",
            "[\"S\",1.e1]",
            "[\"S\",1e]",
            "[\"S\",1e+]",
            "[\"S\",1E-]",
            "[\"S\",1ee2]",
            "[\"S\",1e1.5]",
            "[\"S\",-]",
            "[\"S\",--1]",
            "[\"S\",- 1]",
            "[\"S\",0x1F]",
            "[\"S\",1_000]",
            "[\"S\",NaN]",
            "[\"S\",Infinity]",
            "[\"S\",-Infinity]",
            "[\"S\",\u0661]",
            "[\"S\",\uFF11]",
            // literals
            "[\"S\",tru]",
            "[\"S\",True]",
            "[\"S\",nul]",
            "[\"S\",NULL]",
            "[\"S\",truex]",
            "[\"S\",nulll]",
            "[\"S\",fals]",
            // strings
            "[\"S\u0000\"]",
            "[\"S\n\"]",
            "[\"S\t\"]",
            "[\"S\u001f\"]",
            "[\"S\\n\u0001\"]",
            "[\"S\\x41\"]",
            "[\"S\\a\"]",
            "[\"S\\'\"]",
            "[\"S\\ \"]",
            "[\"S\\U0041\"]",
            "[\"S\\u12\"]",
            "[\"S\\u12G4\"]",
            "[\"S\\u\"]",
            "[\"S\\u0",
            "[\"S\\u\uFF21\uFF21\uFF21\uFF21\"]",
            "[\"S",
            "[\"S\\",
            "[\"S\\\"]",
            "\"S",
            // whitespace JSON does not allow
            "[\"S\",\u00a01]",
            "[\"S\",\f1]",
            "[\"S\",\u000b1]",
            "[\"S\",\u20281]")
        .map(text -> text.replace("S", SECRET));
  }

  @ParameterizedTest
  @MethodSource("invalidTexts")
  void read_invalidText_isMalformedWithoutTheText(String text) {
    JsonReadException e = assertThrows(JsonReadException.class, () -> JsonMapping.read(TREE, text));

    assertEquals(JsonReadException.Kind.MALFORMED, e.kind(), e.getMessage());
    assertTrue(e.getMessage().matches(".+ at line \\d+, column \\d+"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.toString().contains(SECRET), e.toString());
  }
}

package cloud.reencrypt.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cloud.reencrypt.testing.RepoPaths;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jackson as the oracle: for valid documents (the repository's event fixtures and keystore, and
 * seeded random documents) our tree equals Jackson's, member order included, and our writer's
 * output, compact or pretty, reads back in Jackson and in ours as the same tree. Numbers compare by
 * value: {@code 3.55e2} reads as a BigDecimal and is written as {@code 355}, which reads as a Long.
 */
class JsonJacksonOracleTest {
  private static final JsonMapper JACKSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** An object as its members in order, so that comparing two objects also compares the order. */
  private record Members(List<Member> members) {}

  private record Member(String name, Object value) {}

  static Stream<Path> repositoryJsonFiles() throws IOException {
    try (Stream<Path> files = Files.walk(RepoPaths.events())) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertFalse(json.isEmpty(), "no JSON files under " + RepoPaths.events());
      return json.stream();
    }
  }

  static Stream<String> randomDocuments() {
    Random random = new Random(20_250_501L);
    return IntStream.range(0, 400).mapToObj(i -> new RandomJsonText(random).document());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repositoryJsonFiles")
  void parse_repositoryJsonFile_agreesWithJackson(Path file) throws IOException {
    assertAgreesWithJackson(Files.readString(file));
  }

  @Test
  void parse_demoKeystore_agreesWithJackson() throws IOException {
    assertAgreesWithJackson(Files.readString(RepoPaths.demoKeystore()));
  }

  @ParameterizedTest(name = "document {index}")
  @MethodSource("randomDocuments")
  void parse_randomValidDocument_agreesWithJackson(String text) {
    assertAgreesWithJackson(text);
  }

  private static void assertAgreesWithJackson(String text) {
    Object ours = Json.parse(text);
    Object expected = normalized(jackson(text));

    assertEquals(expected, normalized(ours), "parse");
    for (JsonWriter writer : writers()) {
      String written = writer.write(ours);
      assertEquals(expected, normalized(jackson(written)), written);
      Object reread = Json.parse(written);
      assertEquals(expected, normalized(reread), written);
      assertEquals(written, writer.write(reread), "writing again changes the text");
    }
  }

  private static List<JsonWriter> writers() {
    return List.of(
        JsonWriter.compact(JsonWriter.RecordNames.AS_DECLARED),
        JsonWriter.pretty(JsonWriter.RecordNames.AS_DECLARED));
  }

  private static JsonNode jackson(String text) {
    try {
      return JACKSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our values with numbers compared by value (Jackson's trees strip trailing zeros). */
  private static Object normalized(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Member> members = new ArrayList<>();
      map.forEach((name, member) -> members.add(new Member((String) name, normalized(member))));
      return new Members(members);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(JsonJacksonOracleTest::normalized).toList();
    }
    if (value instanceof Long number) {
      return BigDecimal.valueOf(number).stripTrailingZeros();
    }
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros();
    }
    return value;
  }

  private static Object normalized(JsonNode node) {
    if (node.isObject()) {
      List<Member> members = new ArrayList<>();
      node.fields()
          .forEachRemaining(e -> members.add(new Member(e.getKey(), normalized(e.getValue()))));
      return new Members(members);
    }
    if (node.isArray()) {
      List<Object> elements = new ArrayList<>();
      node.elements().forEachRemaining(e -> elements.add(normalized(e)));
      return elements;
    }
    if (node.isNumber()) {
      return node.decimalValue().stripTrailingZeros();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    return node.isBoolean() ? (Object) node.booleanValue() : null;
  }

  /** Seeded random valid JSON text: every construct, every escape form, all four whitespaces. */
  private static final class RandomJsonText {
    private static final String WHITESPACE = " \t\n\r";
    private static final String SHORT_ESCAPED = "\"\\/\b\f\n\r\t";
    private static final String SHORT_ESCAPE_LETTERS = "\"\\/bfnrt";
    private static final String HEX = "0123456789abcdef0123456789ABCDEF";

    private final Random random;
    private final StringBuilder out = new StringBuilder();

    RandomJsonText(Random random) {
      this.random = random;
    }

    String document() {
      space();
      if (random.nextBoolean()) {
        object(1);
      } else {
        value(0);
      }
      space();
      return out.toString();
    }

    private void value(int depth) {
      switch (random.nextInt(depth < 5 ? 8 : 5)) {
        case 0 -> out.append(random.nextBoolean() ? "true" : "false");
        case 1 -> out.append("null");
        case 2 -> number();
        case 3, 4 -> string(text());
        case 5, 6 -> array(depth + 1);
        default -> object(depth + 1);
      }
    }

    private void array(int depth) {
      out.append('[');
      space();
      int size = random.nextInt(5);
      for (int i = 0; i < size; i++) {
        comma(i);
        value(depth);
        space();
      }
      out.append(']');
    }

    private void object(int depth) {
      out.append('{');
      space();
      Set<String> names = new HashSet<>();
      int size = random.nextInt(5);
      for (int i = 0; i < size; i++) {
        comma(i);
        String name = text();
        while (!names.add(name)) {
          name = text();
        }
        string(name);
        space();
        out.append(':');
        space();
        value(depth);
        space();
      }
      out.append('}');
    }

    private void comma(int index) {
      if (index > 0) {
        out.append(',');
        space();
      }
    }

    private void number() {
      if (random.nextInt(4) == 0) {
        out.append('-');
      }
      if (random.nextInt(4) == 0) {
        out.append('0');
      } else {
        out.append((char) ('1' + random.nextInt(9)));
        digits(random.nextInt(random.nextBoolean() ? 4 : 25));
      }
      if (random.nextInt(3) == 0) {
        out.append('.');
        digits(1 + random.nextInt(20));
      }
      if (random.nextInt(3) == 0) {
        out.append(random.nextBoolean() ? 'e' : 'E')
            .append(List.of("", "+", "-").get(random.nextInt(3)));
        digits(1 + random.nextInt(3));
      }
    }

    private void digits(int count) {
      for (int i = 0; i < count; i++) {
        out.append((char) ('0' + random.nextInt(10)));
      }
    }

    /** A decoded string: printable ASCII, controls, other BMP chars, pairs, a rare lone half. */
    private String text() {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(40);
        if (kind < 20) {
          text.append((char) (0x20 + random.nextInt(0x5f)));
        } else if (kind < 24) {
          text.append((char) random.nextInt(0x20));
        } else if (kind < 33) {
          text.append((char) (0x80 + random.nextInt(0xd800 - 0x80)));
        } else if (kind < 39) {
          text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        } else {
          text.append((char) (0xd800 + random.nextInt(0x800)));
        }
      }
      return text.toString();
    }

    private void string(String text) {
      out.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean mustEscape = c == '"' || c == '\\' || c < 0x20;
        if (!mustEscape && random.nextInt(10) < 7) {
          out.append(c);
        } else if (SHORT_ESCAPED.indexOf(c) >= 0 && random.nextBoolean()) {
          out.append('\\').append(SHORT_ESCAPE_LETTERS.charAt(SHORT_ESCAPED.indexOf(c)));
        } else {
          int upper = random.nextBoolean() ? 16 : 0;
          out.append("\\u");
          for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(HEX.charAt(upper + ((c >> shift) & 0xf)));
          }
        }
      }
      out.append('"');
    }

    private void space() {
      while (random.nextBoolean()) {
        out.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
      }
    }
  }
}

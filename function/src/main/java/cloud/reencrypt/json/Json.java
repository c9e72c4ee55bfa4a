package cloud.reencrypt.json;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsing, and typed reads of parsed values. A read of a member that is absent, null or of another
 * type gives null, so a caller checks once and names the member in its own error.
 */
public final class Json {
  private Json() {}

  /**
   * Parses one JSON value.
   *
   * @throws JsonException when the text is not exactly one JSON value
   */
  public static Object parse(String text) {
    return JsonParser.parse(text);
  }

  /**
   * Parses a JSON object.
   *
   * @throws JsonException when the text is not one JSON object
   */
  public static Map<String, Object> parseObject(String text) {
    Map<String, Object> object = asObject(parse(text));
    if (object == null) {
      throw new JsonException("expected a JSON object", 1, 1);
    }
    return object;
  }

  /**
   * A new, modifiable object of the given members in order: {@code objectOf("a", 1, "b", "x")}.
   *
   * @throws IllegalArgumentException when the arguments are not name/value pairs
   */
  public static Map<String, Object> objectOf(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  /** The value as an object, or null when it is not one. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asObject(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
  }

  /** The value as an array, or null when it is not one. */
  @SuppressWarnings("unchecked")
  public static List<Object> asArray(Object value) {
    return value instanceof List<?> ? (List<Object>) value : null;
  }

  /**
   * The value as an int when it is a number with an integral value in int range, whatever its type
   * (200, 200L, 200.0 as the platform's serialisers may give it); null otherwise.
   */
  public static Integer asInt(Object value) {
    if (!(value instanceof Number number)) {
      return null;
    }
    try {
      return new BigDecimal(number.toString()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null; // a fraction, out of range, or NaN / infinite
    }
  }

  /** The member as a string, or null when it is absent or not a string. */
  public static String string(Map<String, ?> object, String name) {
    return object.get(name) instanceof String text ? text : null;
  }

  /** The member as an object, or null when it is absent or not an object. */
  public static Map<String, Object> object(Map<String, ?> object, String name) {
    return asObject(object.get(name));
  }

  /** The member as an array, or null when it is absent or not an array. */
  public static List<Object> array(Map<String, ?> object, String name) {
    return asArray(object.get(name));
  }

  /** A Java name as a JSON member name: {@code cipherText} becomes {@code cipher_text}. */
  public static String snakeCase(String camel) {
    StringBuilder snake = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        snake.append('_').append((char) (c + ('a' - 'A')));
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }
}

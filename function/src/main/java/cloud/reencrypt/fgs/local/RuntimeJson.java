package cloud.reencrypt.fgs.local;

import cloud.reencrypt.mapping.JsonMapping;
import cloud.reencrypt.mapping.JsonReadException;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps events to handler parameters and return values to JSON the way the FunctionGraph Java
 * runtime does with Gson, so a local run sees what the platform would:
 *
 * <ul>
 *   <li>a {@code Map} (or {@code Object}) parameter gets plain maps and lists with every number a
 *       {@code Double}; a {@code String} parameter gets the event text;
 *   <li>any other type is bound field by field, by field name and not by getter or annotation
 *       ({@code isBase64Encoded} and {@code user_data} keep their names), unknown members ignored,
 *       a number for a string field taken as its text;
 *   <li>a return value is written field by field too, null fields included ({@code
 *       serializeNulls}), transient and static fields left out.
 * </ul>
 *
 * The test emulator {@code testing.GsonRuntime} does the same with Gson itself, and the fixture
 * tests hold the two to the same output.
 */
public final class RuntimeJson {
  private static final JsonMapper MAPPER = build();

  private RuntimeJson() {}

  private static JsonMapper build() {
    return JsonMapper.builder(
            JsonFactory.builder().streamReadConstraints(JsonMapping.LIMITS).build())
        .visibility(PropertyAccessor.ALL, Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, Visibility.ANY)
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .serializationInclusion(JsonInclude.Include.ALWAYS)
        .build();
  }

  /**
   * The event bound to a handler's parameter type.
   *
   * @throws IllegalArgumentException when the text is not JSON or does not fit the type
   */
  public static Object event(String json, Class<?> type) {
    if (type == String.class) {
      return json;
    }
    try {
      if (type.isAssignableFrom(LinkedHashMap.class)) {
        Object untyped = doubles(MAPPER.readValue(json, Object.class));
        if (type != Object.class && !(untyped instanceof Map)) {
          throw new IllegalArgumentException("the event is not a JSON object");
        }
        return untyped;
      }
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      JsonReadException refusal = JsonMapping.refusal(e);
      throw new IllegalArgumentException(
          refusal.kind() == JsonReadException.Kind.MALFORMED
              ? refusal.getMessage()
              : "the event does not fit " + type.getSimpleName() + ": " + refusal.getMessage());
    }
  }

  /** A value (e.g. an {@link ApigEvent}) bound to a handler's parameter type through its JSON. */
  public static <T> T bind(Object value, Class<T> type) {
    return type.cast(event(JsonMapping.write(value), type));
  }

  /** A return value as the runtime writes it, as a tree. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A return value or event as indented JSON, as {@code invoke} prints it. */
  public static String write(Object value) {
    return write(MAPPER.writerWithDefaultPrettyPrinter(), value);
  }

  /** A return value or event as compact JSON on one line, null members included. */
  public static String writeLine(Object value) {
    return write(MAPPER.writer(), value);
  }

  /**
   * Event text as compact JSON on one line, its members, numbers and strings as written.
   *
   * @throws IllegalArgumentException when the text is not JSON
   */
  public static String oneLine(String json) {
    return writeLine(event(json, JsonNode.class));
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a handler's return value always serialises", e);
    }
  }

  /** The untyped value with every number a double, as Gson's untyped reading gives them. */
  private static Object doubles(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((name, member) -> copy.put((String) name, doubles(member)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(doubles(element)));
      return copy;
    }
    return value instanceof Number number ? number.doubleValue() : value;
  }
}

package cloud.reencrypt.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one configured mapper and the strict reads every entry point uses. Readers and writers are
 * immutable and thread-safe; callers keep one per type.
 */
public final class JsonMapping {
  /**
   * The bounds on any document read. The longest number we need is a 19-digit long (a file time in
   * nanoseconds); the deepest document an event, a few levels; the longest string an APIG body of 6
   * MB, Base64-encoded. A keystore of thousands of keys is the longest document.
   */
  public static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNumberLength(100)
          .maxNestingDepth(64)
          .maxNameLength(1_024)
          .maxStringLength(16 * 1024 * 1024)
          .maxDocumentLength(64L * 1024 * 1024)
          .build();

  private static final JsonMapper MAPPER = build();

  private JsonMapping() {}

  private static JsonMapper build() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    JsonMapper mapper =
        JsonMapper.builder(factory)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(WholeNumbers.module())
            .build();
    // A string field takes a JSON string only: 5 or true for a key ID is a client's mistake.
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** The reader of one type. */
  public static ObjectReader reader(Class<?> type) {
    return MAPPER.readerFor(type);
  }

  /** Compact one-line JSON, null members left out. */
  public static ObjectWriter writer() {
    return MAPPER.writer();
  }

  /** JSON indented by two spaces, for people and for files kept under version control. */
  public static ObjectWriter prettyWriter() {
    return MAPPER.writerWithDefaultPrettyPrinter();
  }

  /**
   * Reads one value of the reader's type from a whole text.
   *
   * @throws JsonReadException when the text is not exactly one value of that type
   */
  public static <T> T read(ObjectReader reader, String text) {
    try {
      return present(reader.readValue(text));
    } catch (IOException e) {
      throw Refusals.of(e);
    }
  }

  /** As {@link #read(ObjectReader, String)}, from UTF-8 bytes (invalid UTF-8 is malformed). */
  public static <T> T read(ObjectReader reader, byte[] utf8) {
    try {
      return present(reader.readValue(utf8));
    } catch (IOException e) {
      throw Refusals.of(e);
    }
  }

  /** A document of just {@code null} is refused like any other value of the wrong type. */
  private static <T> T present(T value) {
    if (value == null) {
      throw new JsonReadException(JsonReadException.Kind.WRONG_ROOT, "the value must not be null");
    }
    return value;
  }

  /**
   * Binds already-parsed data (a platform's {@code Map} event, a free-form member) to a type.
   *
   * @throws JsonReadException when a member has the wrong type
   */
  public static <T> T convert(Object value, Class<T> type) {
    try {
      return MAPPER.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      throw e.getCause() instanceof IOException cause ? Refusals.of(cause) : e;
    }
  }

  /** As {@link #convert(Object, Class)}, to a generic type such as a map of members. */
  public static <T> T convert(Object value, TypeReference<T> type) {
    try {
      return MAPPER.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      throw e.getCause() instanceof IOException cause ? Refusals.of(cause) : e;
    }
  }

  /**
   * Our refusal for a failure of a Jackson reader configured elsewhere (the local runtime's
   * Gson-like binding): the same reasons and positions, never the text.
   */
  public static JsonReadException refusal(IOException e) {
    return Refusals.of(e);
  }

  /** One value as compact JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("our own values always serialise", e);
    }
  }
}

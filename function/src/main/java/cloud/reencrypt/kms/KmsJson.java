package cloud.reencrypt.kms;

import cloud.reencrypt.json.Json;
import cloud.reencrypt.json.JsonException;
import cloud.reencrypt.json.JsonWriter;
import cloud.reencrypt.json.JsonWriter.RecordNames;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON form of KMS messages: snake_case field names, absent (null) fields left out, unknown
 * request fields ignored as the KMS SDKs ignore them.
 */
public final class KmsJson {
  private static final JsonWriter WRITER = JsonWriter.compact(RecordNames.SNAKE_CASE);

  private KmsJson() {}

  /** Parses a request body; anything but a JSON object is KMS.0202. */
  public static Map<String, Object> parseObject(String body) {
    if (body == null || body.isBlank()) {
      throw KmsError.INVALID_JSON.exception("the body must be a JSON object");
    }
    Object value;
    try {
      value = Json.parse(body);
    } catch (JsonException e) {
      // The parser's message names a position and a reason, never the text.
      throw KmsError.INVALID_JSON.exception(e.getMessage());
    }
    Map<String, Object> object = Json.asObject(value);
    if (object == null) {
      throw KmsError.INVALID_JSON.exception("the body must be a JSON object");
    }
    return object;
  }

  /** Parses a body of UTF-8 bytes; anything but a JSON object in valid UTF-8 is KMS.0202. */
  public static Map<String, Object> parseObject(byte[] utf8) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException e) {
      throw KmsError.INVALID_JSON.exception("the body is not UTF-8");
    }
    return parseObject(text);
  }

  /** One KMS message (a record or a plain value) as one line of JSON. */
  public static String write(Object value) {
    return WRITER.write(value);
  }

  /** Appends one KMS message to {@code out}, for writers of many lines. */
  public static void write(Object value, StringBuilder out) {
    WRITER.write(value, out);
  }
}
